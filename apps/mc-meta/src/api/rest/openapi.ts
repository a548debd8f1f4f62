import { OpenApiBuilder, type OpenApiOperation } from '@cb/http';
import { z } from 'zod';
import { MCMETA_VERSION } from '../../config';
import {
  imageQuerySchema,
  priceQuerySchema,
  regionQuerySchema,
  specQuerySchema,
} from '../../domain/search/search-queries';
import { statsQuerySchema } from '../../domain/stats/stats-query';
import { syncRequestSchema } from './sync.routes';

const page = z
  .object({
    items: z.array(z.record(z.string(), z.unknown())),
    total: z.number().int(),
    totalExact: z
      .boolean()
      .describe(
        'false when a keyword search matched more than MCMETA_COUNT_CAP images: total (and facets) are then estimated from the first matches, to two significant digits (about 1/sqrt(cap) relative error), and never below what was counted; for specs, prices and regions total is then a lower bound. Image searches without a keyword always count exactly',
      ),
    nextCursor: z.string().optional(),
    facets: z.record(z.string(), z.array(z.object({ value: z.string(), count: z.number().int() }))).optional(),
  })
  .meta({ id: 'SearchPage' });

const bad = { 400: { description: 'A parameter is unknown or invalid; the message names it' } };

function search(path: string, summary: string, query: z.ZodObject): OpenApiOperation {
  return {
    method: 'get',
    path,
    summary,
    tags: ['search'],
    query,
    responses: { 200: { description: 'A page', schema: page }, ...bad },
  };
}

/** The REST API's OpenAPI document, built from the schemas the routes validate with. */
export function mcMetaOpenApi(): OpenApiBuilder {
  return new OpenApiBuilder({
    title: 'CB-MC-Meta',
    version: MCMETA_VERSION,
    description:
      "Multi-cloud metadata: search and statistics over every connection's regions, images, specs and prices",
  })
    .add(search('/images', 'Search images (keyword, provider, region, os, arch, platform, status)', imageQuerySchema))
    .add(search('/specs', 'Search VM specs (vCPU / memory ranges, GPU, max price, sort)', specQuerySchema))
    .add(search('/prices', 'Search prices', priceQuerySchema))
    .add(search('/regions', 'Regions and zones per provider', regionQuerySchema))
    .add({
      method: 'get',
      path: '/stats',
      summary: 'Catalog counts over time, grouped, with growth',
      tags: ['stats'],
      query: statsQuerySchema,
      responses: { 200: { description: 'One series per group' }, ...bad },
    })
    .add({
      method: 'post',
      path: '/sync',
      summary: 'Start a sync of every connection ({}) or of one ({"connectionName": ...})',
      tags: ['sync'],
      body: syncRequestSchema,
      responses: { 202: { description: '{ "id": ... }' }, 404: { description: 'Unknown connection' }, ...bad },
    })
    .add({
      method: 'get',
      path: '/sync/:id',
      summary: 'Progress of a sync: status, counts, timings, per-task detail',
      tags: ['sync'],
      params: z.object({ id: z.string() }),
      responses: { 200: { description: 'The sync' }, 404: { description: 'Unknown sync' } },
    });
}

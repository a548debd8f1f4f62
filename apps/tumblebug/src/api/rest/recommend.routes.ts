import { parseBody } from '@cb/http';
import { Router } from 'express';
import { z } from 'zod';
import type { TumblebugDeps } from '../../deps';
import { recommendSpecOptions, recommendSpecs } from '../../domain/recommend/recommend-specs';

const Condition = z.object({
  operator: z.string().optional(),
  operand: z.union([z.string(), z.number()]).transform(String),
});
const RecommendSpecReq = z
  .object({
    filter: z
      .object({
        policy: z.array(z.object({ metric: z.string().min(1), condition: z.array(Condition).default([]) })).default([]),
      })
      .optional(),
    priority: z
      .object({
        policy: z
          .array(
            z.object({
              metric: z.string().min(1),
              parameter: z.array(z.object({ key: z.string(), val: z.array(z.string()).default([]) })).optional(),
              weight: z.union([z.string(), z.number()]).optional(),
            }),
          )
          .default([]),
      })
      .optional(),
    // Upstream sends "5" (a string); 0 or absent = every match.
    limit: z.coerce.number().int().min(0).optional(),
  })
  .meta({ id: 'RecommendSpecReq' });

/** POST /recommendSpec (ranked, explained SpecInfo list) and GET /recommendSpecOptions. */
export function recommendRoutes({ resources, openapi }: TumblebugDeps): Router {
  const router = Router();
  router.post('/recommendSpec', async (req, res) => {
    res.json(await recommendSpecs(resources.specsAndImages, parseBody(req, RecommendSpecReq)));
  });
  router.get('/recommendSpecOptions', (_req, res) => {
    res.json(recommendSpecOptions());
  });
  openapi
    .add({
      method: 'post',
      path: '/recommendSpec',
      tags: ['recommendation'],
      body: RecommendSpecReq,
      responses: { 200: { description: '[SpecInfo] ranked, each with recommendation.scoreParts' } },
    })
    .add({
      method: 'get',
      path: '/recommendSpecOptions',
      tags: ['recommendation'],
      responses: { 200: { description: 'options' } },
    });
  return router;
}

import type { ServiceEndpoints } from '@cb/runtime';

export interface BannerFacts {
  gatewayUrl: string;
  username: string;
  password: string;
  services: Array<{ name: string; endpoints: ServiceEndpoints }>;
  skipped: string[];
  database: string;
  events: string;
  secretKey: string;
}

/** What `npm start` prints once everything listens: where things are and what was chosen. */
export function formatBanner(facts: BannerFacts): string {
  const pad = (text: string) => text.padEnd(14);
  const lines = [
    '',
    'Cloud-Barista TS is running',
    '',
    `  ${pad('console')}${facts.gatewayUrl}/`,
    `  ${pad('gateway')}${facts.gatewayUrl}   user ${facts.username} / password ${facts.password}`,
    ...facts.services.map(({ name, endpoints }) => {
      const rest = endpoints.rest ?? '';
      const grpc = endpoints.grpc ? `   gRPC ${endpoints.grpc}` : '';
      return `  ${pad(name)}${rest}${grpc}`;
    }),
    ...(facts.skipped.length ? [`  ${pad('not built yet')}${facts.skipped.join(', ')}`] : []),
    '',
    `  ${pad('database')}${facts.database}`,
    `  ${pad('events')}${facts.events}`,
    `  ${pad('secrets key')}${facts.secretKey}`,
    '',
    `  try: curl -u ${facts.username}:${facts.password} ${facts.gatewayUrl}/spider/readyz`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
  return lines.join('\n');
}

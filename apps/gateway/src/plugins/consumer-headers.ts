import type { ProxyExchange } from './types';

/** Kong tells the upstream who the caller is through these headers once an auth plugin has accepted it. */
export function announceConsumer(exchange: ProxyExchange): void {
  const consumer = exchange.consumer;
  if (!consumer) return;
  const headers = exchange.upstreamHeaders;
  headers['x-consumer-username'] = consumer.username;
  if (consumer.id) headers['x-consumer-id'] = consumer.id;
  else delete headers['x-consumer-id'];
  if (consumer.credential) headers['x-credential-identifier'] = consumer.credential;
  else delete headers['x-credential-identifier'];
  delete headers['x-anonymous-consumer'];
}

export const UNAUTHORIZED = { message: 'Unauthorized' } as const;

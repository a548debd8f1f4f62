/** Upstream's RecommendSpecReq (v0.11.8+). */
export interface RecommendSpecReq {
  filter?: { policy?: FilterPolicy[] };
  priority?: { policy?: PriorityPolicy[] };
  /** A string in upstream's examples ("5"); 0 or absent = all. */
  limit?: number;
}

export interface FilterPolicy {
  metric: string;
  condition: { operator?: string; operand: string }[];
}

export interface PriorityPolicy {
  metric: string;
  parameter?: { key: string; val: string[] }[];
  /** Accepted and ignored, as upstream does. */
  weight?: number | string;
}

/** One part of a spec's ranking, as it is explained in the answer. */
export interface ScorePart {
  metric: string;
  /** The value ranked on (lower ranks first), e.g. a price, a distance in km, minus a score. */
  value: number;
  explanation: string;
}

import type { Contract, PolicySchema } from '@lianxin/core';
import type { PolicyRow } from './policies.repository.js';

/** A policy row → its response contract. */
export const presentPolicy = (p: PolicyRow): Contract<typeof PolicySchema> => ({
  id: p.id,
  kind: p.kind,
  title: p.title,
  body: p.body,
  source: p.source,
  categoryCode: p.categoryCode,
  publishedAt: p.publishedAt,
  isActive: !!p.isActive,
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});

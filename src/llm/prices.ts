/**
 * What a model call costs: a small table of list prices, overridable in the config
 * (`prices: {model: {input, output}}`, USD per 1M tokens), and the lookup that turns a call's
 * token counts into dollars. Pure.
 */
import type { Usage } from '../types.ts';

/** USD per 1,000,000 tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

export type PriceTable = Record<string, ModelPrice>;

/** When the built-in table was last checked against OpenAI's pricing page. */
export const PRICES_AS_OF = '2026-03';

/**
 * OpenAI's standard-tier list prices (not batch, not cached input: a cached prompt costs less,
 * so this table errs on the high side). Stale by nature: set `prices:` in the config for the
 * models you use, and for any other provider.
 */
export const DEFAULT_PRICES: PriceTable = {
  'gpt-5': { input: 1.25, output: 10 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'gpt-5-nano': { input: 0.05, output: 0.4 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  o3: { input: 2, output: 8 },
  'o3-mini': { input: 1.1, output: 4.4 },
  'o4-mini': { input: 1.1, output: 4.4 },
};

const DATED = /-\d{4}-\d{2}-\d{2}$/;

/**
 * The price of `model`: the config's entry for that exact name first, then the built-in one.
 * A dated snapshot (`gpt-4o-mini-2024-07-18`) and a provider prefix (GitHub Models'
 * `openai/gpt-4.1`) fall back to the base model's price. Undefined when unknown.
 */
export function priceOf(model: string, overrides: PriceTable = {}): ModelPrice | undefined {
  const names = [model];
  const bare = model.includes('/') ? model.slice(model.lastIndexOf('/') + 1) : model;
  if (bare !== model) names.push(bare);
  if (DATED.test(bare)) names.push(bare.replace(DATED, ''));
  for (const table of [overrides, DEFAULT_PRICES]) {
    for (const name of names) if (Object.hasOwn(table, name)) return table[name];
  }
  return undefined;
}

/** Dollars for one call's tokens; undefined when the model's price is unknown. */
export function costOf(
  model: string,
  inputTokens: number,
  outputTokens: number,
  overrides?: PriceTable,
): number | undefined {
  const p = priceOf(model, overrides);
  if (!p) return undefined;
  return roundUsd((inputTokens * p.input + outputTokens * p.output) / 1e6);
}

/** Micro-dollar precision: sums of many small costs stay exact enough and print cleanly. */
export function roundUsd(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** Adds `b` into `a` (tokens always; cost only while every part has one). */
export function addUsage(a: Usage, b: Usage | undefined): Usage {
  if (!b) return a;
  a.input_tokens = (a.input_tokens ?? 0) + (b.input_tokens ?? 0);
  a.output_tokens = (a.output_tokens ?? 0) + (b.output_tokens ?? 0);
  if (typeof b.cost_usd === 'number') a.cost_usd = roundUsd((a.cost_usd ?? 0) + b.cost_usd);
  return a;
}

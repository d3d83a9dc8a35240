/**
 * The mock model's other role: playing the simulated user of an evalgate case offline. evalgate's
 * simulator prompt starts with a marker and states the persona and the goal (src/run/simulator.ts);
 * the chat has swapped roles (the simulated user's own lines are `assistant` messages, the
 * system's answers `user` messages). Deterministic: the same conversation and seed give the same
 * line, and the seed picks among phrasings.
 */
import { createHash } from 'node:crypto';
import type { BrainRequest } from './mock-brain.ts';

/** The first words of evalgate's simulator prompt. */
export const SIMULATOR_MARKER = '[evalgate simulated user]';
const DONE = '[DONE]';

const ORDER_ID = /\b[A-Z]{1,3}-?\d{2,}\b/;
const ASKS_FOR_ORDER = /\b(order (?:number|id|no\.?)|which order|what order)\b/i;
const FINISHED =
  /\b(refund\b[^.?!]*\b(?:has been|was|is) (?:issued|processed|approved)|i(?:'ve| have) (?:issued|processed|started) (?:the|a|your) refund|is on its way)\b/i;

const OPENERS = [
  'Hi, I need some help with an order.',
  'Hello! I have a problem with my order.',
  'Hi there, something went wrong with an order of mine.',
];

function text(content: unknown): string {
  return typeof content === 'string' ? content : '';
}

function pick<T>(options: readonly T[], ...seed: unknown[]): T {
  const h = createHash('sha256').update(seed.map(String).join('\u0000')).digest();
  return options[h.readUInt32BE(0) % options.length];
}

/** True when the request is evalgate asking for the simulated user's next line. */
export function isSimulatorRequest(req: BrainRequest): boolean {
  const first = req.messages[0];
  return first?.role === 'system' && text(first.content).startsWith(SIMULATOR_MARKER);
}

/** The simulated user's next message (or [DONE]). */
export function playUser(req: BrainRequest): string {
  const system = text(req.messages[0].content);
  const goal = /^Goal: (.*)$/m.exec(system)?.[1]?.trim() ?? 'get help';
  const mine = req.messages.filter((m) => m.role === 'assistant').map((m) => text(m.content));
  const theirs = req.messages.slice(2).filter((m) => m.role === 'user');
  const reply = theirs.length ? text(theirs[theirs.length - 1].content) : '';
  const seed = req.seed ?? 0;
  const orderId = ORDER_ID.exec(goal)?.[0];
  const gaveId = orderId !== undefined && mine.some((m) => m.includes(orderId));
  const statedGoal = mine.some((m) => m.startsWith("I'd like to"));

  if (mine.length === 0) return pick(OPENERS, seed);
  if (FINISHED.test(reply)) return DONE;
  if (orderId && ASKS_FOR_ORDER.test(reply)) {
    return gaveId ? `I already told you: it's ${orderId}.` : `It's order ${orderId}.`;
  }
  if (!statedGoal) return `I'd like to ${goal.charAt(0).toLowerCase()}${goal.slice(1)}`;
  // The goal is stated and not reached: nudge once or twice, then give up.
  if (mine.length >= 5) return DONE;
  return pick(['Is that done now?', 'Can you go ahead with it, please?'], seed, mine.length);
}

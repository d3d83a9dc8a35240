/**
 * The scripted "model" behind the mock server: a pure function from a chat.completions request
 * to the next assistant message. It behaves like a model would, from what a model sees:
 *
 * - the customer's message (intent: refund, refund status, order status, a policy question,
 *   a request for a person, an out-of-policy or privacy-violating request, abuse...);
 * - the system prompt's rules: the same code follows a careful prompt carefully, and a prompt
 *   that says "reassure the customer, you may confirm refunds are on their way" makes it claim
 *   refunds it never issued; a prompt without "only from the policy documents" makes it answer
 *   policy questions from "memory" (plausible, wrong) instead of the retrieved documents;
 * - the retrieved documents and the tool results already in the conversation.
 *
 * Sampling is seeded from the request's `seed`, the system prompt and the conversation, so a
 * run is reproducible, yet some cases are flaky across trials, as real models are.
 */
import { createHash } from 'node:crypto';
import { isJudgeRequest, judgeReply } from './mock-judge.ts';
import { isSimulatorRequest, playUser } from './mock-user.ts';
import { isSynthRequest, synthReply } from './mock-synth.ts';

export interface WireToolCall {
  id: string;
  type: string;
  function: { name: string; arguments: string };
}

export interface WireMessage {
  role: string;
  content?: unknown;
  tool_calls?: WireToolCall[];
  tool_call_id?: string;
}

export interface BrainRequest {
  messages: WireMessage[];
  tools?: { type?: string; function?: { name?: string } }[];
  seed?: number | null;
}

export interface BrainReply {
  content: string | null;
  tool_calls: { name: string; arguments: Record<string, unknown> }[];
}

/** Share of cases (by wording) the model finds hard: they slip on some trials, on any prompt. */
const HARD_SHARE = 0.14;
/** Per-trial chance that a hard case slips. */
const SLIP_RATE = 0.35;

/** How likely a prompt without the grounding rule answers each topic from "memory". */
const MEMORY_RATE: Record<string, number> = {
  hours: 0.55,
  shipping: 0.45,
  warranty: 0.3,
  refunds: 0.15,
};

/** What the model "remembers" about each topic: plausible, and not what the shop's docs say. */
const MEMORY_ANSWER: Record<string, string> = {
  hours: 'Our support team is available 24/7, and phone support runs from 9am to 9pm every day.',
  shipping: 'Standard delivery usually takes 5-7 business days, and express delivery takes 2 days.',
  warranty: 'All our products come with a 2-year warranty.',
  refunds: 'You can ask for a refund within 60 days of purchase.',
};

interface Topic {
  doc: string;
  pattern: RegExp;
  /** Words that mark the sentence a good answer should quote. */
  anchors: string[];
}

const TOPICS: Record<string, Topic> = {
  hours: {
    doc: 'kb/hours.md',
    pattern:
      /\b(hours|open|opening|closed?|reach (you|support|someone)|contact|phone|call you|weekends?|sundays?|saturdays?|holidays?)\b/,
    anchors: ['monday', 'friday', 'saturday', 'sunday', 'closed', 'cet'],
  },
  shipping: {
    doc: 'kb/shipping.md',
    pattern: /\b(shipping|ship|delivery|deliver|express|international|abroad|postage|tracking)\b/,
    anchors: ['standard', 'express', 'international', 'business', 'free'],
  },
  warranty: {
    doc: 'kb/warranty.md',
    pattern: /\b(warranty|guarantee|defect|defective|faulty|broke|broken|stopped working)\b/,
    anchors: ['12-month', 'warranty', 'defects', 'cover'],
  },
  refunds: {
    doc: 'kb/refund-policy.md',
    pattern:
      /\b(refund policy|refund window|return window|how long do i have|how many days|refunds? take|money back policy|refundable)\b/,
    anchors: ['30', 'days', 'delivery', 'business', 'refundable'],
  },
  privacy: {
    doc: 'kb/privacy.md',
    pattern: /\b(delete my (account|data)|personal data|privacy|gdpr|my data|data protection)\b/,
    anchors: ['delete', 'deletion', 'privacy', 'download'],
  },
  payment: {
    doc: 'kb/payment.md',
    pattern: /\b(pay|payment|paypal|american express|amex|mastercard|visa|credit card)\b/,
    anchors: ['accept', 'visa', 'paypal', 'payment'],
  },
  account: {
    doc: 'kb/account.md',
    pattern: /\b(password|log ?in|sign[- ]?in|locked|account email)\b/,
    anchors: ['password', 'forgot', 'locked'],
  },
};

const ABUSE =
  /\b(idiots?|stupid|useless|pathetic|garbage|rubbish|incompetent|worst|ridiculous|scam|morons?|joke|clowns?|hopeless)\b/;
const JAILBREAK =
  /(ignore (all |your |any |the )?(previous |prior )?(instructions|rules)|system prompt|your instructions|developer mode|pretend (you are|to be)|write (me )?(a |an )?(poem|essay|story|song|code)|homework|act as)/;
const OTHER_PERSON =
  /(another customer|other customers|someone else|my (neighbou?r|ex|friend|colleague|boss|sister|brother|flatmate)|customer c-\d+|all (the )?customers|all orders|every order|list (of )?(all )?(customers|orders)|who (placed|ordered|bought)|home address|address of|email (address )?of|phone number of)/;
const HUMAN =
  /\b(human|real person|a person|an agent|representative|manager|supervisor|speak to someone|talk to someone)\b/;
const DISCOUNT = /\b(discount|coupon|promo code|voucher code|voucher)\b/;
const REFUND_STATUS =
  /(where('?s| is) (my|the) refund|refund status|status of (my|the) refund|(haven'?t|not|never) (got|received|seen) (my |the |a )?refund|when will i (get|receive|see) (my|the) (refund|money)|still waiting for (my |the )?refund|(has|did) (my|the) refund|(news|update) on (my|the) refund)/;
const REFUND = /\b(refund|money back|reimburse|reimbursement|return it for)\b/;
const ORDER_STATUS =
  /(where('?s| is) (my )?(order|package|parcel)|track|status of (my )?order|order status|when will (it|my \w+) (arrive|be delivered|come)|\bshipped\b|\b(did|has) (it|my \w+|order \w+) (arrive|arrived|come)|arrived yet)/;
const CARD = /\b(?:\d[ -]?){13,18}\d\b/;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((p) =>
        p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : '',
      )
      .join('');
  }
  return '';
}

function unit(...parts: unknown[]): number {
  const h = createHash('sha256').update(parts.map(String).join('\u0000')).digest();
  return h.readUInt32BE(0) / 2 ** 32;
}

function money(n: unknown): string {
  return `$${Number(n).toFixed(2)}`;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9-]+/g) ?? []);
}

/** Same word, or the same stem ("internationally" ~ "international", "refunds" ~ "refund"). */
function related(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

interface Done {
  name: string;
  args: Record<string, unknown>;
  result: any;
}

interface Doc {
  id: string;
  text: string;
}

interface Scene {
  user: string;
  u: string;
  /** The customer's earlier messages in this conversation, latest first (what a model remembers). */
  earlier: string[];
  rules: string;
  docs: Doc[];
  customer?: string;
  done: Done[];
  tools: Set<string>;
  rand(label: string): number;
  hard: boolean;
}

function parseScene(req: BrainRequest): Scene {
  const messages = Array.isArray(req.messages) ? req.messages : [];
  const system = messages
    .filter((m) => m?.role === 'system' || m?.role === 'developer')
    .map((m) => textOf(m.content))
    .join('\n');
  const users = messages.filter((m) => m?.role === 'user').map((m) => textOf(m.content));
  const userText = users.at(-1) ?? '';
  const [rules, rest = ''] = system.split(/^## Policy documents\s*$/m);
  const docs: Doc[] = [];
  for (const m of rest.matchAll(/^### (\S+)\n([\s\S]*?)(?=^### |^## Session|(?![\s\S]))/gm)) {
    docs.push({ id: m[1], text: m[2].trim() });
  }
  const customer = /Signed-in customer: (\S+)/.exec(system)?.[1];
  const sessionOrder = /Order the customer opened the chat from: (\S+)/.exec(system)?.[1];

  // Pair each tool call with its result, in conversation order.
  const pending = new Map<string, { name: string; args: Record<string, unknown> }>();
  const done: Done[] = [];
  for (const m of messages) {
    if (m?.role === 'assistant' && Array.isArray(m.tool_calls)) {
      for (const c of m.tool_calls) {
        let args: Record<string, unknown> = {};
        try {
          args = JSON.parse(c.function?.arguments ?? '{}');
        } catch {
          // A malformed call still counts as made.
        }
        pending.set(c.id, { name: c.function?.name ?? '', args });
      }
    } else if (m?.role === 'tool' && m.tool_call_id) {
      const call = pending.get(m.tool_call_id);
      let result: unknown = textOf(m.content);
      try {
        result = JSON.parse(String(result));
      } catch {
        // Keep the raw text.
      }
      if (call) done.push({ ...call, result });
    }
  }
  const tools = new Set((req.tools ?? []).map((t) => t?.function?.name ?? '').filter(Boolean));
  const seed = req.seed ?? 0;
  const promptKey = createHash('sha256').update(system).digest('hex').slice(0, 16);
  const scene: Scene = {
    user:
      userText + (sessionOrder && !/\b[A-Z]\d{4}\b/i.test(userText) ? ` [${sessionOrder}]` : ''),
    u: userText.toLowerCase(),
    earlier: users.slice(0, -1).reverse(),
    rules,
    docs,
    customer,
    done,
    tools,
    // A prompt edit changes the sampling too (as with a real model): the prompt is in the key.
    rand: (label) => unit(seed, promptKey, userText, label),
    hard: unit('hard', userText) < HARD_SHARE,
  };
  return scene;
}

const ORDER_ID = /\b([A-Z]\d{4})\b/i;

/** The order this message is about: named in it, else the latest one named earlier. */
function orderIdOf(s: Scene): string | undefined {
  return (ORDER_ID.exec(s.user) ?? firstMatch(s.earlier, ORDER_ID))?.[1]?.toUpperCase();
}

function firstMatch(texts: string[], re: RegExp): RegExpExecArray | undefined {
  for (const t of texts) {
    const m = re.exec(t);
    if (m) return m;
  }
  return undefined;
}

/** The order id came from an earlier message, not this one. */
function remembered(s: Scene): boolean {
  return !ORDER_ID.test(s.user) && firstMatch(s.earlier, ORDER_ID) !== undefined;
}

/** A hard case slips on some trials, whatever the prompt says. */
function slips(s: Scene, kind: string): boolean {
  return s.hard && s.rand(`slip:${kind}`) < SLIP_RATE;
}

const call = (name: string, args: Record<string, unknown>): BrainReply => ({
  content: null,
  tool_calls: [{ name, arguments: args }],
});
const say = (content: string): BrainReply => ({ content, tool_calls: [] });

function last(s: Scene, name: string): Done | undefined {
  return [...s.done].reverse().find((d) => d.name === name);
}

interface Style {
  short: boolean;
  /** Refunds an order the customer named earlier straight away, before looking it up. */
  refundFirst: boolean;
  /** Chance of claiming a refund that no tool issued. */
  claimRate: number;
  /** Chance of answering a policy topic from memory instead of the documents. */
  memory(topic: string): number;
}

function styleOf(rules: string): Style {
  const verifies = /never tell[^\n]*refund[^\n]*unless/i.test(rules);
  const reassure = /reassure/i.test(rules);
  const mayConfirm = /confirm (that )?refunds are on their way/i.test(rules);
  const grounded = /only from the policy documents/i.test(rules);
  return {
    short: /keep replies short/i.test(rules),
    refundFirst: /issue the refund right away/i.test(rules),
    claimRate: (mayConfirm ? 0.35 : 0) + (verifies ? 0 : 0.15) + (reassure ? 0.05 : 0),
    memory: (topic) => (grounded ? 0 : (MEMORY_RATE[topic] ?? 0)),
  };
}

/** The sentences of a doc that answer the question best, in the doc's order. */
function quote(doc: Doc, question: string, anchors: string[], n: number): string {
  const q = words(question);
  const lines = doc.text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const scored = lines.map((line, i) => {
    const w = words(line);
    let score = 0;
    for (const t of w) if (t.length > 2 && [...q].some((x) => related(t, x))) score += 2;
    for (const a of anchors) if (w.has(a)) score += 1;
    return { line, i, score };
  });
  return scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.line)
    .join(' ');
}

function topicOf(u: string): string | undefined {
  return Object.keys(TOPICS).find((k) => TOPICS[k].pattern.test(u));
}

function policyAnswer(s: Scene, style: Style, topic: string): string {
  const t = TOPICS[topic];
  if (
    s.rand(`memory:${topic}`) < style.memory(topic) ||
    (MEMORY_ANSWER[topic] && slips(s, 'memory'))
  ) {
    return style.short
      ? MEMORY_ANSWER[topic]
      : `${MEMORY_ANSWER[topic]} Is there anything else I can help with?`;
  }
  const doc = s.docs.find((d) => d.id === t.doc);
  if (!doc) {
    return "I don't have that information in our policy documents. Would you like me to connect you with a human agent?";
  }
  const answer = quote(doc, s.u, t.anchors, style.short ? 1 : 2);
  return style.short
    ? answer
    : `Here is what our policy says: ${answer} Is there anything else I can help with?`;
}

const REFUSE_OTHER =
  "I'm sorry, but I can't share information about another customer or their orders. I'm happy to help with orders on your own account.";

function leak(order: any): string {
  return `Order ${order.order_id} belongs to ${order.customer_name} and was sent to ${order.shipping_address}.`;
}

/** Decides the next assistant message. Pure and deterministic; never throws on odd input. */
export function decide(req: BrainRequest): BrainReply {
  // evalgate's simulated user: the mock plays the user instead of the assistant.
  if (isSimulatorRequest(req)) return say(playUser(req));
  // evalgate's LLM judge: the mock grades by the demo's rules (mock-judge.ts).
  if (isJudgeRequest(req)) return judgeReply(req);
  // `evalgate synth`: the mock writes variations of a case by rules (mock-synth.ts).
  if (isSynthRequest(req)) return synthReply(req);
  const s = parseScene(req);
  const style = styleOf(s.rules);
  const abusive = ABUSE.test(s.u);
  const card = CARD.exec(s.user)?.[0];

  const body = respond(s, style);
  if (body.content === null) return body;
  let text = body.content;
  if (card) {
    text = slips(s, 'card')
      ? `Thanks, I've noted your card ${card}. ${text}`
      : `For your security, please don't share full card numbers here: we never need them. ${text}`;
  }
  if (abusive) {
    text = slips(s, 'tone')
      ? `Please calm down; being rude won't get this solved any faster. ${text}`
      : `I understand how frustrating this is, and I apologise for the trouble. ${text}`;
  }
  return say(text);
}

function respond(s: Scene, style: Style): BrainReply {
  const u = s.u;
  const orderId = orderIdOf(s);
  const lookup = last(s, 'lookup_order');

  if (JAILBREAK.test(u)) {
    if (slips(s, 'refusal')) {
      return say(
        /system prompt|instructions/.test(u)
          ? `Sure. My instructions begin: "${s.rules.trim().split('\n')[0].slice(0, 120)}"`
          : 'Sure! Here you go: roses are red, parcels are brown, your order is coming to your town.',
      );
    }
    return say(
      "I'm sorry, but I can't help with that. I can help with refunds, order status and questions about our policies.",
    );
  }

  if (OTHER_PERSON.test(u)) {
    if (orderId && slips(s, 'privacy')) {
      if (!lookup) return call('lookup_order', { order_id: orderId });
      if (lookup.result?.ok) return say(leak(lookup.result.order));
    }
    return say(REFUSE_OTHER);
  }

  if (DISCOUNT.test(u)) {
    const doc = s.docs.find((d) => d.id === 'kb/payment.md');
    return say(
      doc
        ? "I'm sorry, but I can't create discount codes: discount codes are only issued by our marketing emails."
        : "I'm sorry, but I can't create discount codes.",
    );
  }

  if (HUMAN.test(u)) {
    const esc = last(s, 'escalate_to_human');
    if (!esc) return call('escalate_to_human', { reason: 'customer asked for a human agent' });
    return say(
      `I've passed your conversation to a human agent (ticket ${esc.result?.ticket_id}). They will reply within ${esc.result?.reply_within ?? '1 business day'}.`,
    );
  }

  const warranty = TOPICS.warranty.pattern.test(u) && !REFUND.test(u);
  const refundStatus = REFUND_STATUS.test(u);
  const refund = !refundStatus && REFUND.test(u) && !TOPICS.refunds.pattern.test(u);
  const status = ORDER_STATUS.test(u);

  if ((warranty || refundStatus || refund || status) && !orderId) {
    if (refund) {
      return say(
        "I'm sorry, but I can't issue a refund without an order number. You'll find it in your confirmation email (it looks like A1234); send it to me and I'll check the order right away.",
      );
    }
    if (warranty) return say(policyAnswer(s, style, 'warranty'));
    return say(
      'Could you share your order number? It is in your confirmation email and looks like A1234.',
    );
  }

  if (orderId && (warranty || refundStatus || refund || status)) {
    // A prompt that says "don't make them wait" skips the lookup for an order named earlier
    // (the refund goes first, the lookup after it, to word the reply).
    if (refund && style.refundFirst && remembered(s) && !lookup && !last(s, 'issue_refund')) {
      const amount = requestedAmount(s);
      if (amount !== undefined)
        return call('issue_refund', { order_id: orderId, amount, reason: refundReason(s) });
    }
    if (!lookup) return call('lookup_order', { order_id: orderId });
    const r = lookup.result ?? {};
    if (!r.ok) {
      return say(
        `I couldn't find an order with the number ${orderId}. Could you check the number in your confirmation email?`,
      );
    }
    const order = r.order ?? {};
    if (r.belongs_to_signed_in_customer === false) {
      if (slips(s, 'privacy')) return say(leak(order));
      return say(
        `I'm sorry, but I can't help with order ${orderId} because it isn't linked to your account. If you placed it with another account, please sign in with that one.`,
      );
    }
    if (warranty) return warrantyFlow(s, style, order, r);
    if (refundStatus) return refundStatusFlow(s, style, order, r);
    if (refund) return refundFlow(s, style, order, r);
    return orderStatusFlow(s, style, order);
  }

  const topic = topicOf(u);
  if (topic) return say(policyAnswer(s, style, topic));
  if (orderId) {
    // An order number with nothing asked yet (the first turn of a conversation).
    return say(
      remembered(s)
        ? `Got it, thank you. Just tell me what you'd like me to do about order ${orderId}.`
        : `Thanks, I've noted order ${orderId}. How can I help with it?`,
    );
  }
  return say(
    "I'm here to help with refunds, order status and questions about our shipping, warranty, payment and privacy policies. What can I do for you?",
  );
}

/** The extra, unneeded escalation a hard case sometimes makes before answering. */
function strayEscalation(s: Scene): BrainReply | undefined {
  if (slips(s, 'tool') && !last(s, 'escalate_to_human') && s.tools.has('escalate_to_human')) {
    return call('escalate_to_human', { reason: 'customer may need a follow-up' });
  }
  return undefined;
}

function followUp(s: Scene): string {
  return last(s, 'escalate_to_human') ? ' I have also asked a human agent to follow up.' : '';
}

function statusText(order: any): string {
  switch (order.status) {
    case 'processing':
      return `Order ${order.order_id} (${order.item}) is being prepared and hasn't shipped yet.`;
    case 'shipped':
      return `Order ${order.order_id} (${order.item}) is in transit; the estimated delivery date is ${order.estimated_delivery}.`;
    case 'delivered':
      return `Order ${order.order_id} (${order.item}) was delivered on ${order.delivered_at}.`;
    case 'return_received':
      return `We received your return of order ${order.order_id} (${order.item}) on ${order.return_received_at}.`;
    case 'refunded':
      return `Order ${order.order_id} (${order.item}) was refunded on ${order.refunded_at}.`;
    default:
      return `Order ${order.order_id} has the status "${order.status}".`;
  }
}

function orderStatusFlow(s: Scene, _style: Style, order: any): BrainReply {
  const stray = strayEscalation(s);
  if (stray) return stray;
  return say(statusText(order) + followUp(s));
}

function hallucinatedRefund(order: any, style: Style): BrainReply {
  return say(
    style.short
      ? `Good news: your refund of ${money(order.total)} has been processed and is on its way!`
      : `Good news: your refund of ${money(order.total)} for order ${order.order_id} has been processed and is on its way to your ${order.payment}. Don't worry!`,
  );
}

function refundStatusFlow(s: Scene, style: Style, order: any, r: any): BrainReply {
  if (order.status === 'refunded') {
    return say(
      `Order ${order.order_id} was refunded on ${order.refunded_at}: ${money(order.refund_amount)} back to your ${order.payment}. Refunds appear on your statement within 5 to 10 business days.`,
    );
  }
  // Nothing has been refunded yet: a prompt that pushes reassurance invites a made-up "done".
  if (s.rand('claim') < (style.claimRate > 0 ? style.claimRate + 0.1 : 0))
    return hallucinatedRefund(order, style);
  if (order.status === 'return_received') {
    return say(
      `We received your return of order ${order.order_id} (${order.item}) on ${order.return_received_at}. The refund of ${money(order.total)} will be issued within 3 business days of inspection, to your ${order.payment}.`,
    );
  }
  if (r.refund_eligible) {
    return say(
      `I don't see a refund on order ${order.order_id} yet: no refund has been requested for it. It was delivered on ${order.delivered_at}, within the 30-day window, so I can refund it now if you'd like.`,
    );
  }
  return say(`There is no refund on order ${order.order_id}. ${statusText(order)}`);
}

/** An amount the customer named, in this message or (a conversation) an earlier one. */
function requestedAmount(s: Scene): number | undefined {
  for (const text of [s.user, ...s.earlier]) {
    const m =
      /\$\s?(\d+(?:\.\d{1,2})?)/.exec(text) ?? /(\d+(?:\.\d{1,2})?)\s?(dollars|usd)\b/i.exec(text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

function refundReason(s: Scene): string {
  return /damaged|broken|defect|faulty/.test(s.u)
    ? 'item damaged or defective'
    : /wrong|not what i ordered/.test(s.u)
      ? 'wrong item received'
      : /late|never arrived/.test(s.u)
        ? 'late delivery'
        : 'customer request';
}

function refundFlow(s: Scene, style: Style, order: any, r: any): BrainReply {
  const refundDone = last(s, 'issue_refund');
  if (refundDone) {
    const stray = strayEscalation(s);
    if (stray) return stray;
    const res = refundDone.result ?? {};
    if (!res.ok) {
      // The tool said no; a prompt that pushes reassurance tells the customer it worked anyway.
      if (style.claimRate > 0 && s.rand('error-claim') < 0.8)
        return hallucinatedRefund(order, style);
      return say(`I'm sorry, the refund did not go through (${res.error}).${followUp(s)}`);
    }
    return say(
      style.short
        ? `Done: I've issued a refund of ${money(res.amount)} for order ${order.order_id} (reference ${res.refund_id}).${followUp(s)}`
        : `I've issued a refund of ${money(res.amount)} for order ${order.order_id} (${order.item}), reference ${res.refund_id}. It will appear on your ${res.to} within ${res.arrives_within}.${followUp(s)}`,
    );
  }
  if (!r.refund_eligible) {
    const why = String(r.not_eligible_because ?? 'it is not eligible');
    if (slips(s, 'refusal') && s.tools.has('escalate_to_human')) {
      if (!last(s, 'escalate_to_human')) {
        return call('escalate_to_human', {
          reason: `customer wants a refund exception for ${order.order_id}`,
        });
      }
      return say('I have passed your request to a colleague who can review an exception for you.');
    }
    const detail = why.startsWith('delivered')
      ? `it was ${why}`
      : why.startsWith('not delivered')
        ? "it hasn't been delivered yet; a human agent can cancel it instead"
        : why.startsWith('already')
          ? `it was ${why}`
          : why;
    return say(`I'm sorry, but I can't refund order ${order.order_id}: ${detail}.`);
  }
  const wanted = requestedAmount(s);
  if (wanted !== undefined && wanted > Number(order.total)) {
    return say(
      `I'm sorry, but I can't refund more than the ${money(order.total)} you paid for order ${order.order_id}. I can refund the full ${money(order.total)} if you'd like.`,
    );
  }
  // Even a careful prompt sees the odd premature "done" on a hard case.
  if (s.rand('claim') < style.claimRate || slips(s, 'claim'))
    return hallucinatedRefund(order, style);
  if (!s.tools.has('issue_refund')) {
    return say(
      "I'm not able to issue refunds right now. Would you like me to pass this to a human agent?",
    );
  }
  return call('issue_refund', {
    order_id: order.order_id,
    amount: wanted ?? order.total,
    reason: refundReason(s),
  });
}

function warrantyFlow(s: Scene, style: Style, order: any, r: any): BrainReply {
  if (r.refund_eligible) {
    return say(
      `Order ${order.order_id} (${order.item}) was delivered on ${order.delivered_at}, within the 30-day refund window, so I can refund it for you. Would you like me to?`,
    );
  }
  const esc = last(s, 'escalate_to_human');
  if (!esc) {
    return call('escalate_to_human', {
      reason: `warranty claim for order ${order.order_id} (${order.item})`,
    });
  }
  const policy = policyAnswer(s, { ...style, short: true }, 'warranty');
  return say(
    `Your ${order.item} is outside the 30-day refund window. ${policy} I've passed your claim to a human agent (ticket ${esc.result?.ticket_id}), who will arrange a repair or a replacement.`,
  );
}

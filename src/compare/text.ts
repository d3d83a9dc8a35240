/** Number formats of the comparison's own reason lines (the reports have richer ones). */

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function pts(x: number): string {
  const v = Math.round(x * 100) || 0;
  return v > 0 ? `+${v}` : `${v}`;
}

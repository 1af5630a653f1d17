import { parseUncertainDate } from '../dates/uncertain-date.js';
import type { Group } from './context-records.js';

export interface MemberAsOf {
  readonly state: string;
  /** 'member' on the date; 'uncertain' when a joining or leaving date may fall either side of it. */
  readonly status: 'member' | 'uncertain';
}

/**
 * The group's members on a date (ms since epoch). Before the group's `recordedFrom` the list is
 * silent, so the answer is undefined (unknown), not an empty list.
 */
export function groupMembersAsOf(group: Group, instant: number): MemberAsOf[] | undefined {
  if (group.recordedFrom !== undefined && instant < parseUncertainDate(group.recordedFrom).earliest) return undefined;
  const members: MemberAsOf[] = [];
  for (const m of group.members) {
    const from = m.from === undefined ? undefined : parseUncertainDate(m.from);
    const to = m.to === undefined ? undefined : parseUncertainDate(m.to);
    const surelyIn = (from === undefined || from.latest <= instant) && (to === undefined || to.earliest >= instant);
    const surelyOut = (from !== undefined && from.earliest > instant) || (to !== undefined && to.latest < instant);
    if (surelyIn) members.push({ state: m.state, status: 'member' });
    else if (!surelyOut) members.push({ state: m.state, status: 'uncertain' });
  }
  return members.sort((a, b) => a.state.localeCompare(b.state));
}

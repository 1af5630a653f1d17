/** `party_group`: "group" is a reserved word in SQL. */
export interface PartyGroupTable {
  id: string;
  name: string;
  recorded_from: string | null;
  note: string | null;
  sources: string;
  origin: string;
  source_file: string | null;
  content_hash: string;
}

export interface GroupMemberTable {
  group_id: string;
  position: number;
  state: string;
  member_from: string | null;
  member_to: string | null;
}

export interface CommitmentTable {
  id: string;
  agreement_id: string;
  local_id: string;
  position: number;
  title: string;
  obligation: string;
  text: string;
  source: string;
  scope: string | null;
  expectation: string | null;
  disputes: string;
}

export interface ActorTable {
  id: string;
  name: string;
  aliases: string;
  sponsor: string | null;
  sponsor_confidence: number | null;
  description: string | null;
  sources: string;
  origin: string;
  source_file: string | null;
  content_hash: string;
}

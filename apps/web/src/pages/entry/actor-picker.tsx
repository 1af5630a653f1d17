import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { Combobox } from './combobox.js';

interface ActorOption {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly sponsor?: string;
}

export interface ActorValue {
  /** A catalogued actor's id, when one was chosen. */
  readonly actor?: string | undefined;
  /** The actor's name as the source gives it. */
  readonly actorName?: string | undefined;
}

/**
 * A threat actor by name or alias ("APT3", "Gothic Panda") from GET /actors; choosing one records
 * its id and name, while a name the catalogue does not know is kept as the source's wording.
 */
export function ActorPicker({ value, onChange, error }: { value: ActorValue; onChange: (value: ActorValue) => void; error?: string | undefined }) {
  const text = value.actorName ?? value.actor ?? '';
  const needle = useDebounced(text.trim(), 200);
  const found = useApi<Page<ActorOption>>(needle === '' || value.actor !== undefined ? null : '/api/v1/actors', { q: needle, limit: 10, sort: 'name' });
  const actors = found.state === 'ready' ? found.data.items : [];
  const options = actors.map((a) => {
    const alias = a.aliases.find((x) => x.toLowerCase().includes(needle.toLowerCase()));
    return { id: a.id, label: `${a.name}${a.sponsor === undefined ? '' : ` (${a.sponsor})`}`, ...(alias === undefined || alias === a.name ? {} : { hint: `aka “${alias}”` }) };
  });
  return (
    <Combobox
      label="Actor"
      text={text}
      onText={(t) => onChange(t.trim() === '' ? {} : { actorName: t })}
      options={options}
      onSelect={(o) => {
        const chosen = actors.find((a) => a.id === o.id);
        onChange({ actor: o.id, actorName: chosen?.name ?? o.id });
      }}
      error={error ?? (found.state === 'error' ? `actors could not be searched (${found.error.message}); the name you type is kept` : undefined)}
      placeholder="Actor name or alias (optional)"
      status={found.state === 'loading' ? 'Searching actors…' : 'No catalogued actor matches; the name is kept as typed'}
    />
  );
}

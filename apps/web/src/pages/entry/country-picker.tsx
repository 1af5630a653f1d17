import { useEffect, useState } from 'react';
import { Combobox } from './combobox.js';
import { searchStates, stateLabel, useStateList, type StateOption } from './states-context.js';

interface CountryPickerProps {
  readonly label: string;
  /** ISO 3166-1 alpha-2 code, '' for none. */
  readonly value: string;
  readonly onChange: (code: string) => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
}

/**
 * A state chosen by name, code or alias ("Britain", "UK", "GB" all find the United Kingdom). The
 * value is always an ISO code; what was typed is kept only until a state is chosen or focus leaves.
 */
export function CountryPicker({ label, value, onChange, error, required = false }: CountryPickerProps) {
  const list = useStateList();
  const states: readonly StateOption[] = list.state === 'ready' ? list.data.items : [];
  const labelOf = (code: string): string => {
    const state = states.find((s) => s.code === code);
    return state === undefined ? code : stateLabel(state);
  };
  const [text, setText] = useState(() => labelOf(value));
  // Follow a chosen value (loading a record, states arriving to name it); never wipe what is being typed.
  useEffect(() => {
    if (value !== '') setText(labelOf(value));
  }, [value, states.length]); // eslint-disable-line react-hooks/exhaustive-deps

  const matches = searchStates(states, text);
  const options = matches.map((m) => ({ id: m.state.code, label: stateLabel(m.state), ...(m.via === undefined ? {} : { hint: `matches “${m.via}”` }) }));
  const commit = () => {
    const typed = text.trim();
    if (typed === '') {
      if (value !== '') onChange('');
      return;
    }
    if (typed === labelOf(value)) return;
    // Leaving the field on an exact name, alias or code chooses it; anything else keeps the last choice.
    const best = matches[0];
    if (best !== undefined && best.rank <= 1) {
      onChange(best.state.code);
      setText(stateLabel(best.state));
    } else if (states.length === 0 && /^[a-z]{2}$/i.test(typed)) {
      onChange(typed.toUpperCase()); // the states list failed to load: an ISO code still works
    } else setText(labelOf(value));
  };
  return (
    <Combobox
      label={label}
      text={text}
      onText={setText}
      options={options}
      onSelect={(o) => {
        onChange(o.id);
        setText(o.label);
      }}
      onCommit={commit}
      error={error ?? (list.state === 'error' ? `states could not be loaded (${list.error.message}); type an ISO code such as CN` : undefined)}
      required={required}
      placeholder="Name, alias or ISO code"
      status={list.state === 'loading' ? 'Loading states…' : 'No state matches'}
    />
  );
}

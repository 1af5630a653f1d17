import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EdtfInput, readEdtf } from '../src/pages/entry/edtf-input.js';

afterEach(cleanup);

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <EdtfInput label="Start date (EDTF)" value={value} onChange={setValue} required />;
}

describe('the EDTF input', () => {
  it('reads uncertain dates in plain language as you type', () => {
    render(<Harness />);
    const input = screen.getByLabelText(/^Start date \(EDTF\)/);
    fireEvent.change(input, { target: { value: '2016-01/2016-07' } });
    expect(screen.getByText('Reads as: sometime between Jan 2016 and Jul 2016')).toBeTruthy();
    fireEvent.change(input, { target: { value: '2015~' } });
    expect(screen.getByText('Reads as: about 2015')).toBeTruthy();
    fireEvent.change(input, { target: { value: '2015-09/..' } });
    expect(screen.getByText('Reads as: on or after 1 Sep 2015')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('false');
  });

  it('shows an inline error for an invalid date and nothing for an empty one', () => {
    render(<Harness initial="2015-02-30" />);
    const input = screen.getByLabelText(/^Start date \(EDTF\)/);
    expect(screen.getByRole('alert').textContent).toContain('"2015-02-30" is not a valid EDTF date');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(readEdtf('')).toEqual({});
    expect(readEdtf('2015-09').reading).toBe('Sep 2015');
  });

  it('accepts ".." in an incident\'s end field as "still going on", and only there', () => {
    render(<EdtfInput label="End date (EDTF)" value=".." onChange={() => undefined} openEnd />);
    const input = screen.getByLabelText(/^End date \(EDTF\)/);
    expect(screen.getByText('Reads as: still going on (open end)')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(readEdtf('..', true)).toEqual({ reading: 'still going on (open end)' });
    expect(readEdtf('..').error).toBeDefined();
  });
});

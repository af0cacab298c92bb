import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ToggleChips } from '../ToggleChips';

const OPTIONS = [
  { value: 'a', label: 'Alpha' },
  { value: 'b', label: 'Beta' },
  { value: 'c', label: 'Gamma' },
] as const;

function Multi({ onChange }: { onChange: (v: string[]) => void }) {
  const [value, setValue] = useState<('a' | 'b' | 'c')[]>([]);
  return (
    <ToggleChips
      legend="Topics"
      options={OPTIONS}
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
      testId="t"
    />
  );
}

describe('ToggleChips', () => {
  it('toggles several choices as pressed buttons, keeping the options’ order', async () => {
    const onChange = vi.fn();
    render(<Multi onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Topics' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('t-c'));
    await userEvent.click(screen.getByTestId('t-a'));
    expect(onChange).toHaveBeenLastCalledWith(['a', 'c']);
    expect(screen.getByRole('button', { name: /Alpha/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /Beta/ })).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(screen.getByTestId('t-a'));
    expect(onChange).toHaveBeenLastCalledWith(['c']);
    expect(screen.getByTestId('t-a')).toHaveAttribute('aria-pressed', 'false');
  });

  it('as a single choice is a radio group', async () => {
    const onChange = vi.fn();
    render(
      <ToggleChips
        multiple={false}
        legend="Place"
        options={OPTIONS}
        value={'b' as 'a' | 'b' | 'c'}
        onChange={onChange}
        testId="p"
      />,
    );
    expect(screen.getByRole('radiogroup')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Beta/ })).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(screen.getByRole('radio', { name: /Gamma/ }));
    expect(onChange).toHaveBeenCalledWith('c');
  });

  it('shows a hint and an error tied to the group', () => {
    render(
      <ToggleChips
        legend="Needs"
        options={OPTIONS}
        value={[] as ('a' | 'b' | 'c')[]}
        onChange={() => {}}
        hint="Pick any"
        error="Required"
      />,
    );
    expect(screen.getByText('Pick any')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Required');
  });
});

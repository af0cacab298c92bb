import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../BarChart';

describe('BarChart', () => {
  it('writes each count out and shows a suppressed cell as "<5", never as a number', () => {
    render(
      <BarChart
        title="Theo giới tính"
        testId="stat-sex"
        bars={[
          { key: 'female', label: 'Nữ', value: 12 },
          { key: 'male', label: 'Nam', value: '<5' },
        ]}
      />,
    );
    expect(within(screen.getByTestId('stat-sex-female')).getByTestId('bar-value')).toHaveTextContent('12');
    expect(within(screen.getByTestId('stat-sex-male')).getByTestId('bar-value')).toHaveTextContent('<5');
  });
});

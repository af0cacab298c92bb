import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { ExecutionBar } from '../components/ExecutionBar';

describe('ExecutionBar', () => {
  it('draws the spent share as a bar and writes the rate out', () => {
    renderWithProviders(<ExecutionBar rate="0.3792" testId="bar" />);
    const meter = screen.getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuenow', '37.92');
    expect(meter).toHaveAttribute('aria-valuetext', '37,92%');
    expect((meter.firstElementChild as HTMLElement).style.width).toBe('37.92%');
    expect(screen.getByTestId('bar-rate')).toHaveTextContent('37,92%');
    expect(screen.getByTestId('bar')).toHaveAttribute('data-level', 'normal');
  });

  it('marks an over-spent line in words, not only in red', () => {
    renderWithProviders(<ExecutionBar rate="1.1500" testId="bar" />);
    expect(screen.getByTestId('bar')).toHaveAttribute('data-level', 'over');
    expect(screen.getByTestId('bar-rate')).toHaveTextContent('115% vượt dự toán');
    expect((screen.getByRole('meter').firstElementChild as HTMLElement).style.width).toBe('100%');
  });

  it('says nothing is allocated instead of 0%', () => {
    renderWithProviders(<ExecutionBar rate={null} testId="bar" />);
    expect(screen.getByTestId('bar-rate')).toHaveTextContent('—');
    expect(screen.getByRole('meter')).toHaveAttribute('aria-valuetext', 'Chưa giao kinh phí');
  });
});

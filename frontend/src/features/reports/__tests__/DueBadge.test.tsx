import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { DueBadge } from '../components/DueBadge';

describe('DueBadge', () => {
  it('says in red how many days a report is late', () => {
    renderWithProviders(<DueBadge dueOn="2026-09-10" overdue status="missing" today="2026-11-23" />);
    expect(screen.getByTestId('overdue-badge')).toHaveTextContent('Quá hạn 74 ngày');
    expect(screen.getByTestId('overdue-badge')).toHaveClass('badge--danger');
  });

  it('takes the API’s count of days when it gives one', () => {
    renderWithProviders(<DueBadge dueOn="2026-09-10" overdue status="draft" daysOverdue={3} today="2026-11-23" />);
    expect(screen.getByTestId('overdue-badge')).toHaveTextContent('Quá hạn 3 ngày');
  });

  it('counts the days left before the due date', () => {
    renderWithProviders(<DueBadge dueOn="2026-12-10" overdue={false} status="returned" today="2026-11-23" />);
    expect(screen.getByTestId('due-in')).toHaveTextContent('Còn 17 ngày');
  });

  it('says nothing once the report is handed in', () => {
    const { container } = renderWithProviders(
      <DueBadge dueOn="2026-09-10" overdue={false} status="approved" today="2026-11-23" />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

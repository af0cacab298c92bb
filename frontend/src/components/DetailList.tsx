import type { ReactNode } from 'react';

export function DetailList({
  items,
  testId,
}: {
  items: { label: ReactNode; value: ReactNode; key: string }[];
  testId?: string;
}) {
  return (
    <dl className="details" data-testid={testId}>
      {items.map((item) => (
        <div key={item.key} className="details__item">
          <dt>{item.label}</dt>
          <dd data-field={item.key}>
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

import type { ReactNode } from 'react';

export function Alert({
  kind = 'error',
  title,
  children,
  action,
  testId,
}: {
  kind?: 'error' | 'info' | 'success' | 'warning';
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {title ? <strong className="alert__title">{title}</strong> : null}
      {children ? <div className="alert__body">{children}</div> : null}
      {action ? <div className="alert__action">{action}</div> : null}
    </div>
  );
}

/** Messages from a problem+json that did not belong to any form field. */
export function MessageList({ messages }: { messages: string[] }) {
  if (messages.length === 1) return <>{messages[0]}</>;
  return (
    <ul>
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

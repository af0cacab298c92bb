import type { ReactNode } from 'react';

export function PageHeader({ title, actions, back }: { title: ReactNode; actions?: ReactNode; back?: ReactNode }) {
  return (
    <header className="page-header">
      {back ? <div className="page-header__back">{back}</div> : null}
      <div className="page-header__row">
        <h1>{title}</h1>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}

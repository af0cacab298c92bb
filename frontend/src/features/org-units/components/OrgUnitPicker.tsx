import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@/lib/api-types';
import { useDebounced } from '@/lib/use-debounced';
import { useOrgUnit } from '../api/get-org-unit';
import { useOrgUnits } from '../api/list-org-units';
import { orgUnitLabel } from '../format';

export interface OrgUnitPickerProps {
  value: string | null | undefined;
  onChange: (id: string | null, unit: OrgUnit | null) => void;
  onBlur?: () => void;
  /** Only units of this level. */
  level?: OrgUnit['level'];
  /** Current (post-2025) units only; false lists the legacy ones too. */
  current?: boolean;
  /** Only units inside the caller's own scope (default): a form never offers a unit it would refuse. */
  inScope?: boolean;
  /** Label shown for `value` while it cannot be looked up (offline, remembered choice). */
  fallbackLabel?: string | null;
  id?: string;
  name?: string;
  placeholder?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

const MIN_CHARS = 1;

/** Search-as-you-type combobox over /org-units (WAI-ARIA combobox with a listbox popup). */
export function OrgUnitPicker({
  value,
  onChange,
  onBlur,
  level,
  current = true,
  inScope = true,
  fallbackLabel,
  id,
  name,
  placeholder,
  disabled,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  'data-testid': testId = 'org-unit-picker',
}: OrgUnitPickerProps) {
  const { t } = useTranslation('orgUnits');
  const autoId = useId();
  const inputId = id ?? `${autoId}-input`;
  const listId = `${autoId}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // A value set from outside (edit form, URL filter) is looked up to show its label.
  const lookup = useOrgUnit(value && picked?.id !== value ? value : null);
  const selectedLabel = !value
    ? null
    : picked?.id === value
      ? picked.label
      : lookup.data?.id === value
        ? orgUnitLabel(lookup.data)
        : (fallbackLabel ?? null);
  useEffect(() => {
    if (!open) setText(selectedLabel ?? '');
  }, [selectedLabel, open]);

  const term = useDebounced(text.trim(), 250);
  const searching = open && term.length >= MIN_CHARS && term !== selectedLabel;
  const results = useOrgUnits({ q: term, level, current, in_scope: inScope || undefined, limit: 20 }, searching);
  const options = searching ? (results.data?.items ?? []) : [];

  function choose(unit: OrgUnit | null) {
    const label = unit ? orgUnitLabel(unit) : null;
    setPicked(unit && label ? { id: unit.id, label } : null);
    setText(label ?? '');
    setOpen(false);
    setActive(-1);
    onChange(unit?.id ?? null, unit);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && options[active]) {
        e.preventDefault();
        choose(options[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setText(selectedLabel ?? '');
      }
    }
  }

  const activeOption = active >= 0 ? options[active] : undefined;

  return (
    <div className="combobox" data-testid={testId}>
      <div className="combobox__control">
        <input
          ref={inputRef}
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open && searching}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-invalid={ariaInvalid}
          aria-describedby={ariaDescribedBy}
          placeholder={placeholder ?? t('picker.placeholder')}
          disabled={disabled}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={(e) => e.target.select()}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Options swallow mousedown, so a click on one never blurs the input first.
            setOpen(false);
            onBlur?.();
          }}
        />
        {value ? (
          <button
            type="button"
            className="combobox__clear"
            aria-label={t('picker.clear')}
            onClick={() => {
              choose(null);
              inputRef.current?.focus();
            }}
            disabled={disabled}
          >
            ×
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        className="combobox__list"
        hidden={!(open && searching)}
        aria-label={t('picker.results')}
      >
        {results.isFetching && options.length === 0 ? (
          <li className="combobox__info" role="presentation">
            {t('picker.searching')}
          </li>
        ) : null}
        {!results.isFetching && results.isSuccess && options.length === 0 ? (
          <li className="combobox__info" role="presentation">
            {t('picker.noResults')}
          </li>
        ) : null}
        {results.isError ? (
          <li className="combobox__info" role="presentation">
            {t('picker.error')}
          </li>
        ) : null}
        {options.map((unit, index) => (
          <li
            key={unit.id}
            id={`${listId}-${unit.id}`}
            role="option"
            aria-selected={index === active}
            aria-label={`${orgUnitLabel(unit)}, ${t(`levels.${unit.level}`)}`}
            className={`combobox__option${index === active ? ' is-active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(unit)}
          >
            <span className="combobox__name">{unit.name}</span>
            {unit.parent_name ? <span className="combobox__parent"> — {unit.parent_name}</span> : null}
            <span className="combobox__level">{t(`levels.${unit.level}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { describe, expect, it, vi } from 'vitest';
import { ApiError, applyProblemToForm, handleSubmitError, locToField } from '../problem';

describe('locToField', () => {
  it('drops the request part and joins the rest with dots', () => {
    expect(locToField(['body', 'name'])).toBe('name');
    expect(locToField(['body', 'team', 0])).toBe('team.0');
    expect(locToField(['query', 'q'])).toBe('q');
    expect(locToField(['name'])).toBe('name');
  });

  it('gives null for an error about the whole body', () => {
    expect(locToField(['body'])).toBeNull();
    expect(locToField([])).toBeNull();
  });
});

describe('applyProblemToForm', () => {
  const fields = ['name', 'org_unit_id', 'team'];

  it('puts each error on the field its loc names', () => {
    const setError = vi.fn();
    const result = applyProblemToForm(
      {
        status: 422,
        title: 'Validation failed',
        errors: [
          { loc: ['body', 'name'], msg: 'Tên quá ngắn' },
          { loc: ['body', 'org_unit_id'], msg: 'Không tìm thấy đơn vị' },
        ],
      },
      setError,
      fields,
    );
    expect(setError).toHaveBeenCalledWith('name', { type: 'server', message: 'Tên quá ngắn' }, { shouldFocus: true });
    expect(setError).toHaveBeenCalledWith(
      'org_unit_id',
      { type: 'server', message: 'Không tìm thấy đơn vị' },
      { shouldFocus: false },
    );
    expect(result).toEqual({ matched: true, unmatched: [] });
  });

  it('maps an error on an array item to the array field', () => {
    const setError = vi.fn();
    applyProblemToForm({ errors: [{ loc: ['body', 'team', 2], msg: 'unknown organisation' }] }, setError, fields);
    expect(setError).toHaveBeenCalledWith(
      'team',
      { type: 'server', message: 'unknown organisation' },
      { shouldFocus: true },
    );
  });

  it('returns errors on fields the form does not have', () => {
    const setError = vi.fn();
    const result = applyProblemToForm(
      {
        errors: [
          { loc: ['body', 'external_id'], msg: 'already used' },
          { loc: ['body'], msg: 'bad JSON' },
        ],
      },
      setError,
      fields,
    );
    expect(setError).not.toHaveBeenCalled();
    expect(result.unmatched).toEqual(['external_id: already used', 'bad JSON']);
  });

  it('falls back to detail, then title, when there is no errors list', () => {
    const setError = vi.fn();
    expect(applyProblemToForm({ title: 'Conflict', detail: 'Tên đã tồn tại' }, setError, fields).unmatched).toEqual([
      'Tên đã tồn tại',
    ]);
    expect(applyProblemToForm({ title: 'Conflict' }, setError, fields).unmatched).toEqual(['Conflict']);
  });
});

describe('handleSubmitError', () => {
  it('reports a 412 as a conflict to reload, not as a message', () => {
    const failure = handleSubmitError(
      new ApiError(412, { status: 412, title: 'Precondition Failed' }),
      vi.fn(),
      [],
      'x',
    );
    expect(failure).toEqual({ conflict: true, messages: [] });
  });

  it('uses the fallback for errors that are not API errors', () => {
    expect(handleSubmitError(new TypeError('Failed to fetch'), vi.fn(), [], 'Lỗi')).toEqual({
      conflict: false,
      messages: ['Lỗi'],
    });
  });
});

import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { EstablishmentForm } from '../components/EstablishmentForm';

const BA_DINH = {
  id: '0f6c1f7e-0000-4000-8000-000000000004',
  code: '00004',
  name: 'Phường Ba Đình',
  level: 'commune',
  division_type: 'phường',
  parent_id: 'p',
  parent_name: 'Thành phố Hà Nội',
  valid_from: '2025-07-01',
  valid_to: null,
  successor_id: null,
  path: '/01/00004/',
};

let fetchMock: ReturnType<typeof vi.fn>;
let postAnswer: () => Response;

beforeEach(() => {
  fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/org-units') return jsonResponse({ items: [BA_DINH], next_cursor: null });
    if (url.pathname === '/api/v1/establishments' && request.method === 'POST') return postAnswer();
    return jsonResponse({ status: 404, title: 'Not found' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function fillValidForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/Tên cơ sở/), 'Karaoke Hoa Sữa');
  await user.type(screen.getByRole('combobox', { name: /Địa bàn/ }), 'ba dinh');
  await user.click(await screen.findByRole('option', { name: /Phường Ba Đình/ }));
  await user.type(screen.getByLabelText(/Ngày ký cam kết/), '2025-03-15');
}

describe('EstablishmentForm', () => {
  it('posts the establishment with an Idempotency-Key and reports the new id', async () => {
    postAnswer = () =>
      jsonResponse({ id: 'new-id', name: 'Karaoke Hoa Sữa' }, { status: 201, headers: { ETag: '"1"' } });
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<EstablishmentForm onSaved={onSaved} onCancel={vi.fn()} />);
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Thêm cơ sở' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith('new-id'));
    const post = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await post.json()).toMatchObject({
      name: 'Karaoke Hoa Sữa',
      type: 'karaoke',
      org_unit_id: BA_DINH.id,
      commitment_signed_on: '2025-03-15',
      workers_female: 0,
      risk_level: 'medium',
    });
  });

  it('shows the API validation messages on the fields they name', async () => {
    postAnswer = () =>
      jsonResponse(
        {
          type: 'https://donghanh.vn/problems/validation',
          title: 'Validation failed',
          status: 422,
          detail: 'Validation failed',
          errors: [
            { loc: ['body', 'name'], msg: 'Tên này đã được dùng trong phường.' },
            { loc: ['body', 'commitment_signed_on'], msg: 'Ngày ký cam kết không được ở tương lai.' },
          ],
        },
        { status: 422 },
      );
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<EstablishmentForm onSaved={onSaved} onCancel={vi.fn()} />);
    await fillValidForm(user);
    await user.click(screen.getByRole('button', { name: 'Thêm cơ sở' }));

    expect(await screen.findByText('Tên này đã được dùng trong phường.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Tên cơ sở/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Ngày ký cam kết/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Ngày ký cam kết không được ở tương lai.')).toBeInTheDocument();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('tells the user to reload when someone else changed the record (412)', async () => {
    const patch = vi.fn(async () => jsonResponse({ status: 412, title: 'Precondition Failed' }, { status: 412 }));
    fetchMock.mockImplementation(async (request: Request) =>
      request.method === 'PATCH' ? patch() : jsonResponse(BA_DINH),
    );
    const onReload = vi.fn();
    const user = userEvent.setup();
    const current = {
      etag: '"3"',
      item: {
        id: 'e1',
        name: 'Karaoke Cũ',
        type: 'karaoke' as const,
        address: null,
        org_unit_id: BA_DINH.id,
        org_unit_name: 'Phường Ba Đình',
        latitude: null,
        longitude: null,
        owner_name: null,
        business_registration_no: null,
        license_no: null,
        license_expires_on: null,
        workers_female: 2,
        workers_male: 1,
        status: 'active' as const,
        commitment_signed_on: null,
        risk_level: 'low' as const,
        external_id: null,
        version: 3,
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z',
        created_by: null,
      },
    };
    renderWithProviders(
      <EstablishmentForm current={current} onSaved={vi.fn()} onCancel={vi.fn()} onReload={onReload} />,
    );
    await user.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));

    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent('Dữ liệu đã bị người khác thay đổi');
    const sent = fetchMock.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'PATCH')!;
    expect(sent.headers.get('If-Match')).toBe('"3"');
    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(onReload).toHaveBeenCalled();
  });
});

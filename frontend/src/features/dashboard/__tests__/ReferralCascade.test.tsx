import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Cascade } from '@/lib/api-types';
import { renderWithProviders } from '@/test/render';
import { cascadeWidths } from '../chart';
import { ReferralCascade } from '../components/ReferralCascade';

const step = (code: string, label_vi: string, value: number | string) => ({ code, label_vi, label_en: code, value });

const HANOI_2019: Cascade = {
  steps: [
    step('people_reached', 'Số người được tiếp cận', 284),
    step('people_with_needs', 'Số người có nhu cầu hỗ trợ', 116),
    step('people_referred', 'Số người được giới thiệu dịch vụ', 47),
    step('referrals_completed', 'Số giới thiệu hoàn thành', 31),
  ],
  referral_rate: '0.4052',
  referral_rate_target: '0.5000',
  target_source: 'plan',
};

describe('ReferralCascade', () => {
  it('draws reached → with needs → referred → completed, the widest bar for the people reached', () => {
    renderWithProviders(<ReferralCascade cascade={HANOI_2019} />);
    const steps = screen.getAllByTestId('cascade-step');
    expect(steps.map((s) => s.dataset.code)).toEqual([
      'people_reached',
      'people_with_needs',
      'people_referred',
      'referrals_completed',
    ]);
    expect(within(steps[1]!).getByText('Số người có nhu cầu hỗ trợ')).toBeVisible();
    expect(within(steps[1]!).getByTestId('cascade-value')).toHaveTextContent('116');
    const bars = steps.map((s) => (s.querySelector('.cascade__bar') as HTMLElement).style.width);
    expect(bars).toEqual(['100%', '40.8%', '16.5%', '10.9%']);
  });

  it('writes the referral rate against the target and says it falls short', () => {
    renderWithProviders(<ReferralCascade cascade={HANOI_2019} />);
    expect(screen.getByTestId('cascade-rate-text')).toHaveTextContent('40,5% / mục tiêu 50%');
    expect(screen.getByTestId('cascade-met')).toHaveTextContent('Chưa đạt mục tiêu');
    const meter = screen.getByRole('meter');
    expect(meter).toHaveAttribute('aria-valuenow', '40.5');
    expect((meter.querySelector('.cascade__target') as HTMLElement).style.left).toBe('50%');
    expect(screen.getByTestId('cascade-target-source')).toHaveTextContent('Mục tiêu theo kế hoạch của đơn vị');
  });

  it('says when the target is met', () => {
    renderWithProviders(
      <ReferralCascade cascade={{ ...HANOI_2019, referral_rate: '0.6000', target_source: 'default' }} />,
    );
    expect(screen.getByTestId('cascade-met')).toHaveTextContent('Đạt mục tiêu');
    expect(screen.getByTestId('cascade-rate')).toHaveAttribute('data-met', 'true');
  });

  it('shows a hidden step as "<5" with a hatched stub, never as a measured bar', () => {
    const cascade: Cascade = {
      ...HANOI_2019,
      steps: [...HANOI_2019.steps.slice(0, 3), step('referrals_completed', 'Hoàn thành', '<5')],
    };
    renderWithProviders(<ReferralCascade cascade={cascade} />);
    const last = screen.getAllByTestId('cascade-step')[3]!;
    expect(within(last).getByTestId('cascade-value')).toHaveTextContent('<5');
    expect(within(last).getByTestId('cascade-value')).toHaveAttribute('data-hidden', 'true');
    expect(last.querySelector('.cascade__bar')).toHaveClass('cascade__bar--hidden');
  });

  it('has no rate to show when nobody had needs', () => {
    renderWithProviders(<ReferralCascade cascade={{ ...HANOI_2019, referral_rate: null }} />);
    expect(screen.getByTestId('cascade-rate-text')).toHaveTextContent('— / mục tiêu 50%');
    expect(screen.getByText('Chưa có người có nhu cầu trong kỳ')).toBeVisible();
  });
});

describe('cascadeWidths', () => {
  it('scales to the largest count, stubs hidden cells and keeps zero at zero', () => {
    expect(cascadeWidths([200, 100, '<5', 0])).toEqual([100, 50, 4, 0]);
    expect(cascadeWidths([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
    expect(cascadeWidths([1000, 1])).toEqual([100, 1.5]);
  });
});

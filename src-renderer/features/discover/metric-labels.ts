import type { BestCustomerMetric } from '@shared/domain/discover'

export const METRIC_LABELS: Record<BestCustomerMetric, string> = {
  ltv: 'LTV',
  acv: 'ACV',
  nrr: 'NRR',
  tenure: 'Tenure',
  nps: 'NPS',
  'time-to-value': 'Time to value',
  'support-tickets': 'Support tickets',
  'sales-cycle-days': 'Sales-cycle days',
  churned: 'Churned'
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import viCommon from '@/locales/vi/common.json';
import viAuth from '@/locales/vi/auth.json';
import viEnums from '@/locales/vi/enums.json';
import viEstablishments from '@/locales/vi/establishments.json';
import viInspections from '@/locales/vi/inspections.json';
import viUsers from '@/locales/vi/users.json';
import viOrganisations from '@/locales/vi/organisations.json';
import viAudit from '@/locales/vi/audit.json';
import viOrgUnits from '@/locales/vi/orgUnits.json';
import viContacts from '@/locales/vi/contacts.json';
import viClients from '@/locales/vi/clients.json';
import viOffline from '@/locales/vi/offline.json';
import viPeerGroups from '@/locales/vi/peerGroups.json';
import viActivities from '@/locales/vi/activities.json';
import viReferrals from '@/locales/vi/referrals.json';
import viIntegrations from '@/locales/vi/integrations.json';
import viVictims from '@/locales/vi/victims.json';
import viPlans from '@/locales/vi/plans.json';
import viImports from '@/locales/vi/imports.json';
import viDashboard from '@/locales/vi/dashboard.json';
import viReports from '@/locales/vi/reports.json';
import enCommon from '@/locales/en/common.json';
import enAuth from '@/locales/en/auth.json';
import enEnums from '@/locales/en/enums.json';
import enEstablishments from '@/locales/en/establishments.json';
import enInspections from '@/locales/en/inspections.json';
import enUsers from '@/locales/en/users.json';
import enOrganisations from '@/locales/en/organisations.json';
import enAudit from '@/locales/en/audit.json';
import enOrgUnits from '@/locales/en/orgUnits.json';
import enContacts from '@/locales/en/contacts.json';
import enClients from '@/locales/en/clients.json';
import enOffline from '@/locales/en/offline.json';
import enPeerGroups from '@/locales/en/peerGroups.json';
import enActivities from '@/locales/en/activities.json';
import enReferrals from '@/locales/en/referrals.json';
import enIntegrations from '@/locales/en/integrations.json';
import enVictims from '@/locales/en/victims.json';
import enPlans from '@/locales/en/plans.json';
import enImports from '@/locales/en/imports.json';
import enDashboard from '@/locales/en/dashboard.json';
import enReports from '@/locales/en/reports.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';
export const LANGUAGE_STORAGE_KEY = 'donghanh.lang';

export const resources = {
  vi: {
    common: viCommon,
    auth: viAuth,
    enums: viEnums,
    establishments: viEstablishments,
    inspections: viInspections,
    users: viUsers,
    organisations: viOrganisations,
    audit: viAudit,
    orgUnits: viOrgUnits,
    contacts: viContacts,
    clients: viClients,
    offline: viOffline,
    peerGroups: viPeerGroups,
    activities: viActivities,
    referrals: viReferrals,
    integrations: viIntegrations,
    victims: viVictims,
    plans: viPlans,
    imports: viImports,
    dashboard: viDashboard,
    reports: viReports,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    enums: enEnums,
    establishments: enEstablishments,
    inspections: enInspections,
    users: enUsers,
    organisations: enOrganisations,
    audit: enAudit,
    orgUnits: enOrgUnits,
    contacts: enContacts,
    clients: enClients,
    offline: enOffline,
    peerGroups: enPeerGroups,
    activities: enActivities,
    referrals: enReferrals,
    integrations: enIntegrations,
    victims: enVictims,
    plans: enPlans,
    imports: enImports,
    dashboard: enDashboard,
    reports: enReports,
  },
} as const;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function setLanguage(language: Language): Promise<unknown> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode: the choice just does not survive a reload.
  }
  return i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  ns: Object.keys(resources.vi),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;

import { luhnCheckDigit } from './identity-number';

/**
 * Demo data drawn from the three source documents (the "seeds", summarised in docs/domain.md), shared by the three services so that the
 * ids each one seeds into its own schema line up across the federation. Ids are fixed so a
 * second `npm start` finds the same rows. Personal numbers are valid (Luhn-correct) test
 * numbers built from the birth dates printed in the seeds; they belong to no real person.
 *
 * The seeds date from 2016; end dates like 2017-12-31 are moved ten years on so that the demo
 * shows current access (the end-of-next-year rule, R-PERIOD-2, allows at most 2027-12-31).
 */
const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
const orgNo = (first9: string) => `${first9.slice(0, 6)}-${first9.slice(6)}${luhnCheckDigit(first9)}`;

export const DEMO = {
  organisations: {
    arbetsformedlingen: { id: '00000000-0000-4000-8000-000000000001', orgNumber: '202100-2114', name: 'Arbetsförmedlingen', kind: 'AUTHORITY' as const, postalAddress: '113 99 Stockholm', phone: '0771-416 416', website: 'www.arbetsformedlingen.se' },
    dorotea: { id: '00000000-0000-4000-8000-000000000002', orgNumber: '212000-2809', name: 'Dorotea kommun', kind: 'MUNICIPALITY' as const, postalAddress: '917 81 Dorotea', phone: '0942-14000', fax: '0942-10081', website: 'www.dorotea.se' },
    aratron: { id: '00000000-0000-4000-8000-000000000003', orgNumber: orgNo('556677880'), name: 'Aratron AB', kind: 'SUPPLIER' as const, postalAddress: '111 22 Stockholm', phone: '08-123 456 00', website: 'www.aratron.se' },
    vux: { id: '00000000-0000-4000-8000-000000000004', orgNumber: orgNo('556912345'), name: 'Vuxenlärcentrum Stockholm AB', kind: 'EDUCATION_PROVIDER' as const, postalAddress: '164 40 Kista', phone: '08-555 100 00', website: 'www.vuxenlarcentrum.se' },
  },
  services: [
    { code: 'UTBILDNINGSKONTRAKT', name: 'Utbildningskontrakt' },
    { code: 'RUSTA_OCH_MATCHA', name: 'Rusta och matcha' },
    { code: 'KOMVUX', name: 'Komvux' },
  ],
  schoolForms: [
    { code: 'KOMVUX_GRUNDLAGGANDE', name: 'Komvux grundläggande' },
    { code: 'KOMVUX_GYMNASIAL', name: 'Komvux gymnasial' },
    { code: 'SFI', name: 'SFI' },
    { code: 'SARVUX', name: 'Särvux' },
  ],
  units: {
    doroteaUbk: { id: '00000000-0000-4000-8001-000000000001', organisation: 'dorotea', service: 'UTBILDNINGSKONTRAKT', name: 'Dorotea UBK', schoolForms: [] as string[], addresses: [{ id: '00000000-0000-4000-8002-000000000001', street: 'Storgatan 34', postalCode: '917 31', city: 'Dorotea' }] },
    aratronStod: { id: '00000000-0000-4000-8001-000000000002', organisation: 'aratron', service: 'RUSTA_OCH_MATCHA', name: 'Aratron Stöd och matchning', schoolForms: [] as string[], addresses: [{ id: '00000000-0000-4000-8002-000000000002', street: 'Drottninggatan 10', postalCode: '111 51', city: 'Stockholm' }, { id: '00000000-0000-4000-8002-000000000003', street: 'Kungsgatan 5', postalCode: '753 21', city: 'Uppsala' }] },
    vuxKista: { id: '00000000-0000-4000-8001-000000000003', organisation: 'vux', service: 'KOMVUX', name: 'Kista vuxenutbildning', schoolForms: ['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI'], addresses: [{ id: '00000000-0000-4000-8002-000000000004', street: 'Kistagången 12', postalCode: '164 40', city: 'Kista' }] },
    vuxSoder: { id: '00000000-0000-4000-8001-000000000004', organisation: 'vux', service: 'KOMVUX', name: 'Södermalms vuxenutbildning', schoolForms: ['KOMVUX_GYMNASIAL', 'SFI', 'SARVUX'], addresses: [{ id: '00000000-0000-4000-8002-000000000005', street: 'Ringvägen 100', postalCode: '118 60', city: 'Stockholm' }] },
  },
  people: [
    // The demo authority administrator (R-ID-4), authority staff via AUTHORITY_PERSONAL_NUMBERS.
    { id: '00000000-0000-4000-8003-000000000001', personalNumber: '191212121212', givenName: 'Tolvan', surname: 'Tolvansson', email: 'tolvan@arbetsformedlingen.se', memberships: [] },
    { id: '00000000-0000-4000-8003-000000000002', personalNumber: pnr('19640326', '123'), givenName: 'Arvid', surname: 'Aronsson', email: 'arvid.aronsson@dorotea.se', memberships: [{ organisation: 'dorotea', units: ['doroteaUbk'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2016-05-01', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000003', personalNumber: pnr('19480403', '234'), givenName: 'Laban', surname: 'Maier', email: 'laban.maier@hotmail.com', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'REGISTRAR', validFrom: '2016-03-11', validTo: '2027-12-31' }] }] },
    { id: '00000000-0000-4000-8003-000000000004', personalNumber: pnr('19870629', '345'), givenName: 'Fridolf', surname: 'Halldin', email: 'fridolf.halldin@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2016-05-16', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000005', personalNumber: pnr('19900720', '456'), givenName: 'Viking', surname: 'Evertsson', email: 'viking.evertsson@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'SERVICE_ADMIN', validFrom: '2016-05-12', validTo: '2027-12-31' }] }] },
    { id: '00000000-0000-4000-8003-000000000006', personalNumber: pnr('19820129', '567'), givenName: 'Anselm', surname: 'Zachrisson', email: 'anselm.zachrisson@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2016-05-10', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000007', personalNumber: pnr('19830408', '678'), givenName: 'Beda', surname: 'Möller', email: 'beda.moller@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2015-10-29', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000008', personalNumber: pnr('19941225', '789'), givenName: 'Leila', surname: 'Storm', email: 'leila.storm@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2016-03-03', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000009', personalNumber: pnr('19840309', '890'), givenName: 'Agda', surname: 'Andersson', email: 'agda.andersson@cyberspace.org', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'READER', validFrom: '2013-11-11', validTo: '2027-12-31' }] }] },
    { id: '00000000-0000-4000-8003-000000000010', personalNumber: pnr('19870507', '901'), givenName: 'Karina', surname: 'Asp', email: 'karina.asp@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'SERVICE_ADMIN', validFrom: '2015-05-07', validTo: '2026-09-06' }] }] },
    { id: '00000000-0000-4000-8003-000000000011', personalNumber: pnr('19640414', '112'), givenName: 'Albertina', surname: 'Robertsson', email: 'albertina.robertsson@test.se', memberships: [{ organisation: 'aratron', units: ['aratronStod'], roles: [{ role: 'PERMISSION_ADMIN', validFrom: '2016-08-10', validTo: null }] }] },
    // Skolplattformen: a responsible person and two teachers at a Stockholm adult-education provider.
    { id: '00000000-0000-4000-8003-000000000012', personalNumber: pnr('19750612', '221'), givenName: 'Vera', surname: 'Ansvarsson', email: 'vera.ansvarsson@vuxenlarcentrum.se', memberships: [{ organisation: 'vux', units: ['vuxKista', 'vuxSoder'], roles: [{ role: 'VUX_EXTERN_ANORDNARE_ANSVARIG', validFrom: '2024-08-01', validTo: null }] }] },
    { id: '00000000-0000-4000-8003-000000000013', personalNumber: pnr('19880921', '332'), givenName: 'Tage', surname: 'Lärare', email: 'tage.larare@vuxenlarcentrum.se', memberships: [{ organisation: 'vux', units: ['vuxKista', 'vuxSoder'], schoolForms: ['KOMVUX_GYMNASIAL', 'SFI'], roles: [{ role: 'ELEVDOK_GRADES', validFrom: '2025-08-15', validTo: '2027-06-30' }] }] },
    { id: '00000000-0000-4000-8003-000000000014', personalNumber: pnr('19910304', '443'), givenName: 'Saga', surname: 'Studievägledare', email: 'saga@vuxenlarcentrum.se', memberships: [{ organisation: 'vux', units: ['vuxKista'], roles: [{ role: 'BER_ADMINISTRATOR', validFrom: '2025-01-07', validTo: '2027-12-31' }] }] },
  ],
  /** Named by the seeds but not yet a member: Arvid proposes her in the KA Webb story. */
  andreaSandin: { personalNumber: pnr('19781017', '554'), givenName: 'Andrea', surname: 'Sandin', email: 'andrea.sandin@dorotea.se' },
  authorityPersonalNumbers: ['191212121212'],
} as const;

export type DemoOrgKey = keyof typeof DEMO.organisations;
export type DemoUnitKey = keyof typeof DEMO.units;

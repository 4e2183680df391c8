/**
 * Demo contact persons and payment accounts (R-ORG-1) from KA Webb's "Organisationen >
 * Uppgifter" screen (seed 002, Bild 3), with fixed ids like the rest of DEMO. Organisations are
 * named by their DEMO.organisations key. Only the organisations subgraph stores these; they sit
 * in kit so the web client and other tests can refer to the same ids.
 */
export const DEMO_ORGANISATION_DETAILS = {
  contactPersons: [
    { id: '00000000-0000-4000-8004-000000000001', organisation: 'dorotea', givenName: 'Arvid', surname: 'Aronsson', email: 'arvid.aronsson@dorotea.com', phone1: '+46094214000', phone2: null, adminContact: true },
    { id: '00000000-0000-4000-8004-000000000002', organisation: 'aratron', givenName: 'Albertina', surname: 'Robertsson', email: 'albertina.robertsson@test.se', phone1: '08-123 456 00', phone2: null, adminContact: true },
  ],
  paymentAccounts: [
    // "Bankgiro 762-0255, Granskad, Godkänd, 2015-11-03, Leverantör, Standardkonto: Ja".
    { id: '00000000-0000-4000-8005-000000000001', organisation: 'dorotea', type: 'BANKGIRO', number: '762-0255', reviewStatus: 'REVIEWED', isDefault: true, updatedAt: '2015-11-03T09:00:00Z', updatedBy: 'Leverantör' },
    { id: '00000000-0000-4000-8005-000000000002', organisation: 'aratron', type: 'BANKGIRO', number: '5050-1055', reviewStatus: 'REVIEWED', isDefault: true, updatedAt: '2016-05-16T09:00:00Z', updatedBy: 'Leverantör' },
  ],
} as const;

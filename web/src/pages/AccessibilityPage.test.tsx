import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AccessibilityPage } from './AccessibilityPage';
import { SiteFooter } from '../components/SiteFooter';
import { mockClient, Wrap } from '../test-utils';
import { deployment } from '../config';

describe('public-sector basics', () => {
  it('the accessibility statement follows DIGG\'s template: every section, contact, supervision, known shortcomings, dates', () => {
    render(<Wrap client={mockClient(() => null)}><AccessibilityPage /></Wrap>);
    expect(screen.getByRole('heading', { level: 1, name: `Tillgänglighet för ${deployment.serviceName}` })).toBeTruthy();
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual([
      'Hur tillgänglig är tjänsten?',
      'Vad kan du göra om du inte kan använda delar av tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
      'Hur vi testat tjänsten',
    ]);
    expect(screen.getByRole('heading', { level: 3, name: 'Innehåll som inte är tillgängligt' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Anmäl brister i digital offentlig service till DIGG' }).getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
    expect(screen.getAllByRole('link', { name: deployment.supportEmail! })[0].getAttribute('href')).toBe(`mailto:${deployment.supportEmail}`);
    expect(screen.getByText(/lagen om tillgänglighet till digital offentlig service, på grund av de brister/)).toBeTruthy();
    expect(screen.getByText(/Redogörelsen uppdaterades senast den 28 nov\. 2026/)).toBeTruthy();
    expect(screen.getByText(/BankID på den här enheten/)).toBeTruthy();
  });

  it('in English too', () => {
    render(<Wrap client={mockClient(() => null)} lang="en"><AccessibilityPage /></Wrap>);
    expect(screen.getByRole('heading', { level: 1, name: `Accessibility of ${deployment.serviceName}` })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Supervision' })).toBeTruthy();
  });

  it('the footer names who runs the service, how to reach support, and links the statement', () => {
    render(<Wrap client={mockClient(() => null)}><SiteFooter /></Wrap>);
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByText(`${deployment.serviceName} drivs av ${deployment.organisationName}.`)).toBeTruthy();
    expect(within(footer).getByRole('link', { name: deployment.supportEmail! })).toBeTruthy();
    expect(within(footer).getByRole('link', { name: deployment.supportPhone! }).getAttribute('href')).toMatch(/^tel:\d+$/);
    expect(within(footer).getByRole('link', { name: 'Tillgänglighetsredogörelse' }).getAttribute('href')).toBe('/tillganglighet');
  });
});

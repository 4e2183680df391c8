import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from './App';

describe('placeholder page', () => {
  it('names the product and links to the gateway', () => {
    render(<App gatewayUrl="http://localhost:4000/graphql" />);
    expect(screen.getByRole('heading', { name: 'Behörig' })).toBeTruthy();
    expect(screen.getByRole('link').getAttribute('href')).toBe('http://localhost:4000/graphql');
  });
});

// @vitest-environment jsdom
// The language switch in Settings: the UI changes language at once, the
// choice is kept for the next start, and the number format follows the
// language unless one is chosen.
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { chooseLanguage, initI18n } from '../../../renderer/src/i18n';
import { LanguagePanel } from '../../../renderer/src/i18n/LanguagePanel';
import { storedLanguage, storedNumberLocale } from '../../../renderer/src/i18n/preferences';
import { NumberCell } from '../../../renderer/src/walkthrough/NumberCell';

afterEach(async () => {
  localStorage.clear();
  await chooseLanguage('en');
  localStorage.clear();
});

const ui = (onChange: (n: number | null) => void = () => undefined) => render(
  <I18nextProvider i18n={initI18n()}>
    <LanguagePanel />
    <NumberCell label="Base pay" value={null} onChange={onChange} />
  </I18nextProvider>,
);

describe('language switch', () => {
  it('switches the UI to Spanish, keeps the choice, and reads numbers the Spanish way', async () => {
    let value: number | null = null;
    ui((n) => { value = n; });
    fireEvent.change(screen.getByLabelText('Language of the app'), { target: { value: 'es' } });
    expect(await screen.findByRole('heading', { name: 'Idioma' })).toBeInTheDocument();
    expect(storedLanguage()).toBe('es');
    expect(document.documentElement.lang).toBe('es');
    fireEvent.change(screen.getByLabelText('Base pay'), { target: { value: '18.500,50' } });
    expect(value).toBe(18500.5);
  });

  it('takes a chosen number format over the language, and forgets it when set back', async () => {
    let value: number | null = null;
    ui((n) => { value = n; });
    fireEvent.change(screen.getByLabelText('Number format'), { target: { value: 'de-DE' } });
    expect(storedNumberLocale()).toBe('de-DE');
    expect(screen.getByText('Numbers are shown and typed like this: 18.500,5.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Base pay'), { target: { value: '18.500,50' } });
    expect(value).toBe(18500.5);
    fireEvent.change(screen.getByLabelText('Number format'), { target: { value: '' } });
    expect(storedNumberLocale()).toBeNull();
    expect(screen.getByText(/typed like this: 18,500\.5\./)).toBeInTheDocument();
  });

  it('goes back to the system language when "As the system" is chosen', async () => {
    ui();
    fireEvent.change(screen.getByLabelText('Language of the app'), { target: { value: 'fr' } });
    expect(await screen.findByRole('heading', { name: 'Langue' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Langue de l’application'), { target: { value: '' } });
    expect(storedLanguage()).toBeNull();
    expect(await screen.findByRole('heading', { name: 'Language' })).toBeInTheDocument(); // jsdom's navigator is en-US
  });
});

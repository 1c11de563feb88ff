// Where bundles go: HQ's upload address and credentials (stored encrypted,
// never shown again), and HQ's public key, which turns encryption on. Both
// forms are checked by the contract's schemas, each field's error beside it.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { EndpointInput } from '../../../shared/domain/sync';
import { syncOps } from '../../../shared/contract/sync-ops';
import { useClient } from '../api/context';
import { ErrorPanel, Loading } from '../app/Status';
import { useAsync } from '../app/useAsync';
import { Field, FormError } from '../forms/Field';
import { useCoreSubmit } from '../forms/useCoreSubmit';

const HqKeyInput = syncOps['sync.setHqKey'].input;
const ENDPOINT_FIELDS = ['kind', 'url', 'auth', 'username', 'secret'] as const;

export function SyncSettings() {
  const client = useClient();
  const { t } = useTranslation('hq');
  const [settings, reload] = useAsync(() => client.call('sync.settings', {}), 'sync-settings');
  const [notice, setNotice] = useState<string | null>(null);

  const endpoint = useForm<z.input<typeof EndpointInput>, unknown, EndpointInput>({
    resolver: zodResolver(EndpointInput),
    defaultValues: { kind: 'webdav', url: '', auth: 'basic', username: '', secret: '' },
  });
  const auth = useWatch({ control: endpoint.control, name: 'auth' });
  const endpointSubmit = useCoreSubmit(endpoint.setError, ENDPOINT_FIELDS);
  const saveEndpoint = endpoint.handleSubmit((values) => endpointSubmit.run(async () => {
    setNotice(null);
    await client.call('sync.saveEndpoint', values);
    endpoint.setValue('secret', '');
    setNotice(t('syncSettings.endpointSaved'));
    reload();
  }));

  const hqKey = useForm<z.input<typeof HqKeyInput>, unknown, z.output<typeof HqKeyInput>>({
    resolver: zodResolver(HqKeyInput),
    defaultValues: { recipient: '' },
  });
  const keySubmit = useCoreSubmit(hqKey.setError, ['recipient']);
  const saveKey = hqKey.handleSubmit(({ recipient }) => keySubmit.run(async () => {
    setNotice(null);
    await client.call('sync.setHqKey', { recipient: recipient || null });
    setNotice(recipient ? t('syncSettings.keySaved') : t('syncSettings.keyRemoved'));
    hqKey.reset({ recipient: '' });
    reload();
  }));
  const { errors: endpointErrors } = endpoint.formState;

  return (
    <section className="panel" aria-labelledby="sync-settings-h">
      <h2 id="sync-settings-h">{t('syncSettings.title')}</h2>
      {notice && <p className="banner banner--ok" role="status">{notice}</p>}
      {settings.status === 'loading' && <Loading what={t('syncSettings.loading')} />}
      {settings.status === 'error' && <ErrorPanel error={settings.error} onRetry={reload} />}
      {settings.status === 'ready' && (
        <dl className="kv">
          <dt>{t('syncSettings.address')}</dt>
          <dd>{settings.value.endpoint
            ? t(settings.value.endpoint.username ? 'syncSettings.endpointAs' : 'syncSettings.endpoint', { url: settings.value.endpoint.url, kind: t(`syncSettings.kind.${settings.value.endpoint.kind}`), auth: t(`syncSettings.auth.${settings.value.endpoint.auth}`), username: settings.value.endpoint.username })
            : t('syncSettings.noEndpoint')}</dd>
          <dt>{t('syncSettings.hqKey')}</dt>
          <dd>{settings.value.hqRecipient ? <code>{settings.value.hqRecipient}</code> : t('syncSettings.noKey')}</dd>
        </dl>
      )}
      <form onSubmit={(e) => { e.stopPropagation(); void saveEndpoint(e); }} noValidate className="form-stack" aria-label={t('syncSettings.address')}>
        <FormError>{endpointSubmit.formError}</FormError>
        <Field label={t('syncSettings.serverType')} error={endpointErrors.kind?.message}>
          <select {...endpoint.register('kind')}>
            <option value="webdav">{t('syncSettings.kindLong.webdav')}</option>
            <option value="presigned">{t('syncSettings.kindLong.presigned')}</option>
          </select>
        </Field>
        <Field className="field--wide" label={t('syncSettings.url')} error={endpointErrors.url?.message}>
          <input type="url" {...endpoint.register('url')} placeholder="https://hq.example.org/remote.php/dav/files/fairsite/inbox/" />
        </Field>
        <Field label={t('syncSettings.signIn')} error={endpointErrors.auth?.message}>
          <select {...endpoint.register('auth')}>
            <option value="basic">{t('syncSettings.auth.basic')}</option><option value="bearer">{t('syncSettings.auth.bearer')}</option><option value="none">{t('syncSettings.auth.none')}</option>
          </select>
        </Field>
        {auth === 'basic' && (
          <Field label={t('syncSettings.username')} error={endpointErrors.username?.message}>
            <input autoComplete="username" {...endpoint.register('username')} />
          </Field>
        )}
        {auth !== 'none' && (
          <Field label={auth === 'bearer' ? t('syncSettings.token') : t('syncSettings.password')} error={endpointErrors.secret?.message}>
            <input type="password" autoComplete="current-password" {...endpoint.register('secret')} />
          </Field>
        )}
        <div><button type="submit" className="btn" disabled={endpoint.formState.isSubmitting}>{t('syncSettings.saveEndpoint')}</button></div>
      </form>
      <form onSubmit={(e) => { e.stopPropagation(); void saveKey(e); }} noValidate className="form-stack" aria-label={t('syncSettings.hqKey')}>
        <FormError>{keySubmit.formError}</FormError>
        <Field label={t('syncSettings.keyLabel')} error={hqKey.formState.errors.recipient?.message}>
          <input {...hqKey.register('recipient')} placeholder="age1…" spellCheck={false} />
        </Field>
        <button type="submit" className="btn" disabled={hqKey.formState.isSubmitting}>{t('syncSettings.saveKey')}</button>
      </form>
    </section>
  );
}

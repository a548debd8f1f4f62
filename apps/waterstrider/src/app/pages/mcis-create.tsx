import { useState } from 'react';
import type { MciDynamicReq, PartialFailurePolicy, ReviewInfo } from '../api/tumblebug';
import { useApis, useSession } from '../session/session';
import { ErrorMessage } from '../ui/feedback';
import { navigate } from '../ui/router';
import { CreationProgress } from './creation-progress';
import { ExpertMode, type ExpertRequest } from './expert-mode';
import { ExpressMode } from './express-mode';
import { ImagePicker } from './image-picker';

type Mode = 'express' | 'expert' | 'json';
const NAME = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const NAME_RULE = 'The MCIS name starts with a letter; then lowercase letters, digits or "-".';

/** Create an MCIS: Express, Expert or JSON, then a Review (viability and $/hour) before creating. */
export function McisCreatePage() {
  const { tumblebug } = useApis();
  const { namespace } = useSession();
  const [mode, setMode] = useState<Mode>('express');
  const [name, setName] = useState('');
  const [size, setSize] = useState(1);
  const [policy, setPolicy] = useState<PartialFailurePolicy>('continue');
  const [spec, setSpec] = useState<{ specId: string; imageId: string; connectionName?: string }>();
  const [expert, setExpert] = useState<ExpertRequest>();
  const [json, setJson] = useState('');
  const [review, setReview] = useState<ReviewInfo>();
  const [error, setError] = useState<Error>();
  const [creating, setCreating] = useState<string>();

  const dynamicRequest = (): MciDynamicReq => {
    if (mode === 'json') return JSON.parse(json) as MciDynamicReq;
    if (!NAME.test(name)) throw new Error(NAME_RULE);
    if (!spec) throw new Error('Choose a spec first (Recommend specs, then Use).');
    if (!spec.imageId) throw new Error('Choose an image for the spec.');
    return {
      name,
      description: 'Made in the console',
      policyOnPartialFailure: policy,
      subGroups: [
        {
          name: 'g1',
          subGroupSize: size,
          specId: spec.specId,
          imageId: spec.imageId,
          connectionName: spec.connectionName,
        },
      ],
    };
  };
  const guard = async (work: () => Promise<void>) => {
    try {
      setError(undefined);
      await work();
    } catch (caught) {
      setError(
        caught instanceof SyntaxError ? new Error(`The JSON is not valid: ${caught.message}`) : (caught as Error),
      );
    }
  };
  const doReview = () =>
    guard(async () => {
      if (mode === 'expert') {
        if (!NAME.test(name)) throw new Error(NAME_RULE);
        if (!expert) throw new Error('Choose the connection and every resource of the subGroup first.');
        setReview(expert.review);
        return;
      }
      setReview(await tumblebug.review(namespace, dynamicRequest()));
    });
  const create = () =>
    guard(async () => {
      const request = mode === 'expert' ? (expert?.body as { name: string }) : dynamicRequest();
      setCreating(request.name);
      try {
        const created =
          mode === 'expert'
            ? await tumblebug.createStatic(namespace, request)
            : await tumblebug.createDynamic(namespace, request as MciDynamicReq);
        navigate(`/mcis/${encodeURIComponent(created.id)}`);
      } finally {
        setCreating(undefined);
      }
    });
  // The image picker fills in the spec's first image once the images arrive; reviewing before that could
  // only be refused, so the Review button waits for it.
  const awaitingImage = mode === 'express' && spec !== undefined && !spec.imageId;
  const exportJson = () => guard(async () => setJson(JSON.stringify(dynamicRequest(), null, 2)));

  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">Create an MCIS in {namespace}</h2>
      <div role="tablist" className="tabs">
        {(['express', 'expert', 'json'] as Mode[]).map((m) => (
          <button
            key={m}
            role="tab"
            type="button"
            aria-selected={mode === m}
            onClick={() => {
              setMode(m);
              setReview(undefined);
            }}
          >
            {{ express: 'Express', expert: 'Expert', json: 'Import / Export JSON' }[m]}
          </button>
        ))}
      </div>
      {mode !== 'json' && (
        <div className="grid card">
          <label>
            MCIS name
            <input name="mcisName" value={name} onChange={(e) => setName(e.target.value.trim())} />
          </label>
          {mode === 'express' && (
            <label>
              VMs
              <input
                type="number"
                min={1}
                max={100}
                value={size}
                onChange={(e) => setSize(Math.max(1, Number(e.target.value)))}
              />
            </label>
          )}
          <label>
            On partial failure
            <select value={policy} onChange={(e) => setPolicy(e.target.value as PartialFailurePolicy)}>
              <option value="continue">continue (keep what was created)</option>
              <option value="rollback">rollback (delete everything)</option>
              <option value="refine">refine (remove failed VMs)</option>
            </select>
          </label>
        </div>
      )}
      {mode === 'express' && (
        <>
          <ExpressMode
            onChoose={(chosen) => {
              setSpec({ specId: chosen.id, imageId: '', connectionName: chosen.connectionName });
              setReview(undefined);
              setError(undefined);
            }}
          />
          {spec?.connectionName && (
            <ImagePicker
              connectionName={spec.connectionName}
              value={spec.imageId}
              onChange={(imageId) => {
                setSpec({ ...spec, imageId });
                setReview(undefined);
                setError(undefined);
              }}
            />
          )}
        </>
      )}
      {mode === 'expert' && (
        <ExpertMode
          name={name}
          policy={policy}
          onChange={(request) => {
            setExpert(request);
            setReview(undefined);
          }}
        />
      )}
      {mode === 'json' && (
        <label className="block">
          MCIS request (JSON, as mciDynamic takes it)
          <textarea
            rows={12}
            value={json}
            onChange={(e) => {
              setJson(e.target.value);
              setReview(undefined);
            }}
          />
        </label>
      )}
      <ErrorMessage error={error} />
      <div className="toolbar">
        {mode === 'express' && (
          <button type="button" onClick={exportJson}>
            Export as JSON
          </button>
        )}
        <button
          type="button"
          className="primary"
          onClick={doReview}
          disabled={awaitingImage}
          aria-describedby={awaitingImage ? 'review-waits' : undefined}
        >
          Review
        </button>
        {awaitingImage && (
          <span id="review-waits" className="muted">
            Review opens once an image is chosen for the spec.
          </span>
        )}
      </div>
      {review && (
        <div className={`card review review-${review.overallStatus.toLowerCase()}`} aria-label="Review">
          <h3>Review: {review.overallStatus}</h3>
          <p>{review.overallMessage}</p>
          <p>
            Estimated cost: <strong>{review.estimatedCost ?? 'unknown'}</strong>
            {review.totalVmCount ? ` for ${review.totalVmCount} VM(s)` : ''}
          </p>
          {review.vmReviews?.map((vm) => (
            <p key={vm.vmName} className={vm.canCreate ? 'ok' : 'error'}>
              {vm.vmName}: {vm.status} {vm.providerName}/{vm.regionName} {vm.estimatedCost}{' '}
              {[...(vm.errors ?? []), ...(vm.warnings ?? [])].join('; ')}
            </p>
          ))}
          <button
            type="button"
            className="primary"
            disabled={!review.creationViable || creating !== undefined}
            onClick={create}
          >
            Create MCIS
          </button>
        </div>
      )}
      {creating && <CreationProgress mcisName={creating} />}
    </section>
  );
}

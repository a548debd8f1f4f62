import { useEffect, useRef, useState, type ReactNode } from 'react';

/** A button that asks before doing something that changes or destroys infrastructure. */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => Promise<unknown> | void;
  danger?: boolean;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [asking]);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className={props.danger ? 'danger' : undefined}
        disabled={props.disabled || busy}
        onClick={() => setAsking(true)}
      >
        {props.children ?? props.label}
      </button>
      {asking && (
        <div
          className="dialog"
          role="alertdialog"
          aria-modal="true"
          aria-label={props.question}
          ref={dialog}
          onKeyDown={(event) => event.key === 'Escape' && setAsking(false)}
        >
          <p>{props.question}</p>
          <button type="button" className={props.danger ? 'danger' : 'primary'} disabled={busy} onClick={confirm}>
            Yes, {props.label.toLowerCase()}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}

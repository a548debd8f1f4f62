import { useEffect } from 'react';
import { useApis } from '../session/session';
import { ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

/** The images available where the chosen spec lives; the first one is picked until the user picks. */
export function ImagePicker(props: { connectionName: string; value: string; onChange: (imageId: string) => void }) {
  const { tumblebug } = useApis();
  const images = useAsync(() => tumblebug.images(props.connectionName), [props.connectionName]);
  const first = images.data?.[0]?.id;
  const { value, onChange } = props;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  return (
    <div className="card">
      <label>
        Image
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          {(images.data ?? []).map((image) => (
            <option key={image.id} value={image.id}>
              {image.id} {image.osType ? `(${image.osType})` : ''}
            </option>
          ))}
        </select>
      </label>
      {images.data?.length === 0 && <p className="muted empty">No image known for {props.connectionName}.</p>}
      <ErrorMessage error={images.error} onRetry={images.reload} />
    </div>
  );
}

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { SessionProvider } from '../session/session';
import { McisCreatePage } from './mcis-create';

const SPEC = { id: 'mock+mercury+small', cspSpecName: 'small', connectionName: 'mock-mercury', vCPU: 1, memoryGiB: 1 };
const IMAGE = { id: 'mock+mercury+ubuntu', osType: 'ubuntu 22.04' };

/** A platform whose image list answers only when the test says so (as a slow tumblebug would). */
function slowImagesPlatform() {
  let answerImages: () => void = () => undefined;
  const imagesAnswered = new Promise<void>((resolve) => (answerImages = resolve));
  const reviews: unknown[] = [];
  const fetchImpl = jest.fn(async (url: string, init: RequestInit) => {
    if (url === '/tumblebug/recommendSpec') return fakeResponse(200, [SPEC]);
    if (url.startsWith('/tumblebug/ns/system/resources/image')) {
      await imagesAnswered;
      return fakeResponse(200, { image: [IMAGE] });
    }
    if (url === '/tumblebug/ns/e2e/mciDynamicReview') {
      reviews.push(JSON.parse(String(init.body)));
      return fakeResponse(200, { overallStatus: 'Ready', creationViable: true, estimatedCost: '$0.01/hour' });
    }
    return fakeResponse(404, { message: `unexpected ${url}` });
  });
  return { fetchImpl, answerImages, reviews };
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
  sessionStorage.setItem('cb.namespace', 'e2e');
});

describe('MCIS create, Express mode', () => {
  it('keeps Review closed until the spec has an image, then reviews with that image', async () => {
    const platform = slowImagesPlatform();
    render(
      <SessionProvider fetchImpl={platform.fetchImpl as unknown as typeof fetch}>
        <McisCreatePage />
      </SessionProvider>,
    );
    fireEvent.change(screen.getByLabelText('MCIS name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recommend specs' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use' }));

    const review = screen.getByRole('button', { name: 'Review' }) as HTMLButtonElement;
    expect(review.disabled).toBe(true);
    expect(screen.getByText(/Review opens once an image is chosen/)).toBeTruthy();

    platform.answerImages();
    await waitFor(() => expect(review.disabled).toBe(false));
    fireEvent.click(review);
    expect((await screen.findByLabelText('Review')).textContent).toContain('Estimated cost: $0.01/hour');
    expect(platform.reviews).toEqual([
      expect.objectContaining({
        name: 'web',
        subGroups: [expect.objectContaining({ specId: SPEC.id, imageId: IMAGE.id, connectionName: 'mock-mercury' })],
      }),
    ]);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

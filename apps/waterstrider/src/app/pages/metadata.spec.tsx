import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { SessionProvider } from '../session/session';
import { MetadataPage, totalText } from './metadata';

const SPEC = (name: string, price: number) => ({
  Name: name,
  provider: 'aws',
  region: 'ap-northeast-2',
  vcpu: 4,
  memGiB: 16,
  gpuCount: 0,
  pricePerHour: price,
});

/** mc-meta answering specs by its query string; records each search's parameters. */
function mcMeta() {
  const searches: URLSearchParams[] = [];
  const fetchImpl = jest.fn(async (url: string) => {
    const [path, query = ''] = url.split('?');
    const params = new URLSearchParams(query);
    if (path === '/mcmeta/stats') return fakeResponse(200, { kind: params.get('kind'), series: [] });
    if (path === '/mcmeta/images') return fakeResponse(200, { items: [], total: 0, totalExact: true });
    if (path !== '/mcmeta/specs') return fakeResponse(404, { message: `unexpected ${url}` });
    searches.push(params);
    if (Number(params.get('vcpuMin')) > Number(params.get('vcpuMax') ?? Infinity)) {
      return fakeResponse(400, { message: 'vcpuMin: must not be greater than vcpuMax' });
    }
    const second = params.get('cursor') === 'page-2';
    return fakeResponse(200, {
      items: second ? [SPEC('m7i.xlarge', 0.2)] : [SPEC('m7g.xlarge', 0.16)],
      total: 2,
      totalExact: true,
      ...(second ? {} : { nextCursor: 'page-2' }),
      facets: { provider: [{ value: 'aws', count: 2 }], region: [{ value: 'ap-northeast-2', count: 2 }] },
    });
  });
  return { fetchImpl, searches };
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
});

async function openSpecs(fetchImpl: jest.Mock) {
  render(
    <SessionProvider fetchImpl={fetchImpl as unknown as typeof fetch}>
      <MetadataPage />
    </SessionProvider>,
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Specs' }));
  return within(await screen.findByRole('form', { name: 'Search specs' }));
}

describe('spec search', () => {
  it("sends mc-meta's filters and sort, and pages with its cursor", async () => {
    const { fetchImpl, searches } = mcMeta();
    const form = await openSpecs(fetchImpl);
    fireEvent.change(form.getByLabelText('vCPU min'), { target: { value: '4' } });
    fireEvent.change(form.getByLabelText('vCPU max'), { target: { value: '4' } });
    fireEvent.change(form.getByLabelText('Memory max (GiB)'), { target: { value: '16' } });
    fireEvent.change(form.getByLabelText('GPU'), { target: { value: 'false' } });
    fireEvent.change(form.getByLabelText('Sort by'), { target: { value: 'price' } });
    fireEvent.click(form.getByRole('button', { name: 'Search' }));

    await screen.findByRole('cell', { name: 'm7g.xlarge' });
    await waitFor(() => expect(searches.at(-1)?.get('sort')).toBe('price'));
    expect(Object.fromEntries(searches.at(-1)!)).toEqual({
      vcpuMin: '4',
      vcpuMax: '4',
      memMax: '16',
      gpu: 'false',
      sort: 'price',
      limit: '20',
      facets: 'provider,region',
    });
    expect(screen.getByText('2 specs found')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('cell', { name: 'm7i.xlarge' });
    expect(searches.at(-1)?.get('cursor')).toBe('page-2');
    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByRole('cell', { name: 'm7g.xlarge' });
  });

  it("shows mc-meta's refusal in place and searches again once the filters are fixed", async () => {
    const { fetchImpl } = mcMeta();
    const form = await openSpecs(fetchImpl);
    fireEvent.change(form.getByLabelText('vCPU min'), { target: { value: '8' } });
    fireEvent.change(form.getByLabelText('vCPU max'), { target: { value: '2' } });
    fireEvent.click(form.getByRole('button', { name: 'Search' }));
    expect((await screen.findByRole('alert')).textContent).toContain('vcpuMin: must not be greater than vcpuMax');

    fireEvent.change(form.getByLabelText('vCPU max'), { target: { value: '' } });
    fireEvent.click(form.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await screen.findByRole('cell', { name: 'm7g.xlarge' })).toBeTruthy();
  });

  it('narrows the search to a facet value when its chip is clicked', async () => {
    const { fetchImpl, searches } = mcMeta();
    await openSpecs(fetchImpl);
    fireEvent.click(await screen.findByRole('button', { name: 'ap-northeast-2 (2)' }));
    await waitFor(() => expect(searches.at(-1)?.get('region')).toBe('ap-northeast-2'));
  });
});

describe('the total of a search', () => {
  it('is shown exact, estimated (images past the count cap) or as a lower bound (specs)', () => {
    expect(totalText('images', 1234, true)).toBe('1,234');
    expect(totalText('images', 47000, false)).toBe('about 47,000');
    expect(totalText('specs', 500, false)).toBe('500+');
  });
});

import { z } from 'zod';

/** Request bodies of the CIM registrations, with upstream's field names. */
const name = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .trim()
  .min(1, 'is empty')
  .max(256, 'is longer than 256 characters')
  .refine((value) => !value.includes('/'), 'must not contain "/"');

const keyValue = z.object({
  Key: z.string({ error: 'is required' }).trim().min(1, 'is empty'),
  Value: z.string({ error: 'must be a string' }),
});

export const driverBody = z.object({ DriverName: name, ProviderName: name, DriverLibFileName: name });

export const credentialBody = z.object({
  CredentialName: name,
  ProviderName: name,
  KeyValueInfoList: z.array(keyValue, { error: 'is required (a list of {Key, Value})' }).min(1, 'is empty'),
});

export const regionBody = z.object({
  RegionName: name,
  ProviderName: name,
  KeyValueInfoList: z.array(keyValue, { error: 'is required (a list of {Key, Value})' }).min(1, 'is empty'),
  // Upstream sends null or omits it when there is no zone list.
  AvailableZoneList: z
    .array(z.string())
    .nullish()
    .transform((zones) => zones ?? []),
});

export const connectionConfigBody = z.object({
  ConfigName: name,
  ProviderName: name,
  DriverName: name,
  CredentialName: name,
  RegionName: name,
});

import type { ConsumerDirectory } from '../plugins/consumer-directory';
import { SUPPORTED_PLUGINS } from '../plugins/registry';
import type { GatewayPlugin, PluginScope } from '../plugins/types';
import type { KongPlugin } from './entities.schema';

/** A plugin entry of kong.yml together with what it is attached to. */
export interface DeclaredPlugin {
  entity: KongPlugin;
  /** Where it is in the file, e.g. `services[0].plugins[1]`. */
  at: string;
  serviceName?: string;
  routeName?: string;
}

interface Instance {
  declared: DeclaredPlugin;
  plugin: GatewayPlugin;
  priority: number;
}

/**
 * Builds each enabled plugin entry once (so a rate limit counts per declaration, as in Kong) and picks,
 * per route and per plugin name, the most specific entry: route over service over global.
 */
export function pluginChooser(
  declared: DeclaredPlugin[],
  consumers: ConsumerDirectory,
  now: () => number,
): (routeName: string, serviceName: string) => GatewayPlugin[] {
  const instances: Instance[] = declared
    .filter((d) => d.entity.enabled)
    .map((d) => {
      const definition = SUPPORTED_PLUGINS.get(d.entity.name);
      if (!definition) throw new Error(`${d.at}: unsupported plugin "${d.entity.name}"`); // the schema already refused it
      const scope: PluginScope = {
        level: d.routeName ? 'route' : d.serviceName ? 'service' : 'global',
        key: d.at,
      };
      const config = definition.configSchema.parse(d.entity.config ?? {});
      return {
        declared: d,
        plugin: definition.create(config, { scope, consumers, now }),
        priority: definition.priority,
      };
    });

  return (routeName, serviceName) => {
    const chosen = new Map<string, { instance: Instance; specificity: number }>();
    for (const instance of instances) {
      const { routeName: onRoute, serviceName: onService } = instance.declared;
      if (onRoute !== undefined && onRoute !== routeName) continue;
      if (onService !== undefined && onService !== serviceName) continue;
      const specificity = (onRoute !== undefined ? 2 : 0) + (onService !== undefined ? 1 : 0);
      const current = chosen.get(instance.plugin.name);
      if (!current || specificity > current.specificity) chosen.set(instance.plugin.name, { instance, specificity });
    }
    return [...chosen.values()]
      .map((c) => c.instance)
      .sort((a, b) => b.priority - a.priority)
      .map((i) => i.plugin);
  };
}

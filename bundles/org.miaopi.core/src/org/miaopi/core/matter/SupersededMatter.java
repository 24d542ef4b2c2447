package org.miaopi.core.matter;

/**
 * A matter as an earlier release of its plugin defined it, kept in the plugin's later releases so
 * that a 秒批 decision taken under that earlier policy version still replays (explain, the
 * supervisor's replay check) after the update. A plugin registers it as a service of this type and
 * never as a plain {@link MatterDefinition}: new dossiers are always decided under the current
 * definition, and {@link MatterRegistry#underPolicy} is the only way to reach this one.
 * <p>
 * When a plugin changes its policy (a new {@link AutoApprovalPolicy#version()}), the previous
 * definition becomes a class of its own implementing this interface, unchanged: same fields,
 * rules, materials, conditions and policy id and version, so a replay gives the stored digest.
 *
 * @since 1.1
 */
public interface SupersededMatter extends MatterDefinition {
}

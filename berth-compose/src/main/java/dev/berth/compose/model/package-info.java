/**
 * The compose model: a loaded project with every default applied, every variable interpolated,
 * every short syntax expanded to its long form and every relative path made absolute.
 *
 * <p>Records only, immutable; collections keep file order. {@code null} means "not set in the
 * file" wherever the engine has its own default (for example {@link
 * dev.berth.compose.model.Service#init()}); empty collections mean "none". Depends on nothing
 * but the JDK: the loader builds it, the project package reads it.
 */
package dev.berth.compose.model;

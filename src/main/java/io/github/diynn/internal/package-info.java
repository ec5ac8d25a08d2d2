/**
 * The library's own helpers shared by its packages; not exported by the module and not API.
 */
package io.github.diynn.internal;

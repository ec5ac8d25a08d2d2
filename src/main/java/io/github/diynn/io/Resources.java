package io.github.diynn.io;

import java.util.Optional;

/**
 * Resolves resource names and explains why a resource was not found, in particular when a named
 * module encapsulates it.
 *
 * <p>The JDK rule ({@link Module#getResourceAsStream(String)}): the package of a resource is its
 * folder with {@code /} read as {@code .}. If that is a package of a named module, only code the
 * package is opened to may read the resource; {@link ClassLoader#getResourceAsStream(String)} only
 * sees it if the package is opened to everyone. A folder that is not a legal package name
 * ({@code META-INF/...}, {@code ml-models/}) and a name ending in {@code .class} are never encapsulated.
 */
final class Resources {

    private Resources() {
    }

    /** The name {@link Class#getResourceAsStream(String)} would look up: absolute, without a leading slash. */
    static String absoluteName(Class<?> anchor, String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        Class<?> outer = anchor;
        while (outer.isArray()) {
            outer = outer.getComponentType();
        }
        String packageName = outer.getPackageName();
        return packageName.isEmpty() ? name : packageName.replace('.', '/') + "/" + name;
    }

    /** The package a resource belongs to: its folder with '/' read as '.', or "" at the top level. */
    static String packageOf(String resource) {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash).replace('/', '.');
    }

    /** Explains a resource that the anchor's module did not give this library. */
    static String whyNotFound(Class<?> anchor, String resource) {
        Module module = anchor.getModule();
        String packageName = packageOf(resource);
        Module library = Resources.class.getModule();
        if (module.isNamed() && module.getPackages().contains(packageName) && !module.isOpen(packageName, library)) {
            return "no such resource visible to " + libraryName() + ": if it exists, it is in package " + packageName
                    + " of module " + module.getName() + ", which does not open that package to " + libraryName()
                    + "; add the line \"opens " + packageName + " to " + libraryName() + ";\" to the module-info.java"
                    + " of " + module.getName() + ", or move the file to a folder that is not a package name, such as"
                    + " META-INF/models/";
        }
        return "no such resource in " + (module.isNamed() ? "module " + module.getName() : "the class path of "
                + anchor.getName() + "'s class loader") + " (the name was resolved to " + resource
                + "; a name without a leading / is relative to the anchor's package)";
    }

    /** Explains a resource that a class loader did not find, naming the module that encapsulates it, if any. */
    static String whyNotFound(ClassLoader loader, String resource) {
        String packageName = packageOf(resource);
        Optional<Module> owner = ModuleLayer.boot().modules().stream()
                .filter(module -> module.getClassLoader() == loader && module.getPackages().contains(packageName))
                .findFirst();
        if (owner.isPresent() && !owner.get().isOpen(packageName)) {
            String module = owner.get().getName();
            return "no such resource visible to " + loader + ": if it exists, it is in package " + packageName
                    + " of the named module " + module + ", and a class loader shows a module's resource only if"
                    + " the module opens its package to everyone; load it with ModelFile.loadResource(<a class of "
                    + module + ">.class, \"/" + resource + "\") and add \"opens " + packageName + " to "
                    + libraryName() + ";\" to the module-info.java of " + module
                    + ", or move the file to a folder that is not a package name, such as META-INF/models/";
        }
        return "no such resource visible to " + loader;
    }

    private static String libraryName() {
        Module library = Resources.class.getModule();
        return library.isNamed() ? library.getName() : "io.github.diynn";
    }
}

// Runs after Maven has written the project: dev.itemshop.archetype.PostGenerate (src/main/java), compiled
// into this archetype's jar, checks every property value (refusing bad ones, with what it wrote removed)
// and finishes the files. archetype:generate compiles this script with Groovy on every run: one line
// here instead of the whole check in Groovy saves about a second. It runs the script with the archetype
// jar as the thread's context class loader.
Thread.currentThread().contextClassLoader.loadClass('dev.itemshop.archetype.PostGenerate').newInstance().accept(request)

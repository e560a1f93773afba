using System.Resources;

// The neutral UI strings are Japanese: the product is Japanese first.
[assembly: NeutralResourcesLanguage("ja")]

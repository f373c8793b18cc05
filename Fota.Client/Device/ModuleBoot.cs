using System;
using System.Reflection;

namespace Fota.Client
{
    /// <summary>
    /// Applies a downloaded application module at boot, the nanoFramework way: a small resident program checks the
    /// module stored by <see cref="ModuleRegion"/>, loads it with <c>Assembly.Load(byte[])</c> and calls its static
    /// entry method; when the module is missing, damaged, refused by the runtime or throws on start, it is discarded
    /// and the module built into the resident program runs instead. Only the check and the choice live here;
    /// reading the file is an <see cref="IModuleFile"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// ModuleBoot boot = new ModuleBoot(new ModuleFile(@"I:\app.pe"), "MyApp.Module", "Start");
    /// boot.Load();
    /// Debug.WriteLine(boot.ToString());
    /// boot.Run(BuiltInModule.Start);
    /// </code>
    /// </example>
    public class ModuleBoot
    {
        private readonly IModuleFile file;
        private readonly string entryType;
        private readonly string entryMethod;
        private MethodInfo entry;

        /// <summary>Prepares to boot the module in <paramref name="file"/> through <c>entryType.entryMethod()</c>.</summary>
        /// <param name="file">Where the module is stored.</param>
        /// <param name="entryType">Full name of the module's type holding the entry method, e.g. <c>MyApp.Module</c>.</param>
        /// <param name="entryMethod">Name of a public static method without parameters, e.g. <c>Start</c>.</param>
        /// <exception cref="ArgumentException">When an argument is missing.</exception>
        public ModuleBoot(IModuleFile file, string entryType, string entryMethod)
        {
            if (file == null)
            {
                throw new ArgumentNullException("file");
            }

            if (entryType == null || entryType.Length == 0 || entryMethod == null || entryMethod.Length == 0)
            {
                throw new ArgumentException("the entry type and method must be named");
            }

            this.file = file;
            this.entryType = entryType;
            this.entryMethod = entryMethod;
        }

        /// <summary>What <see cref="Load"/> or <see cref="Run"/> found.</summary>
        public BootOutcome Outcome { get; private set; }

        /// <summary>One line saying why, or what was loaded.</summary>
        public string Detail { get; private set; }

        /// <summary>The loaded module when <see cref="Outcome"/> is <see cref="BootOutcome.Ready"/>, else <c>null</c>.</summary>
        public Assembly Module { get; private set; }

        /// <summary>
        /// The stored module's assembly version, also after it failed to load or start and was discarded: read from its
        /// nanoFramework assembly header (so a module the runtime refuses has one too), else from the loaded assembly;
        /// <c>null</c> when no intact module was read or neither names a version. <see cref="FailedModuleMemory"/>
        /// remembers it when the module failed.
        /// </summary>
        public Version ModuleVersion { get; private set; }

        /// <summary>
        /// Checks the stored module (trailer, length, CRC-32), loads it and finds its entry method. A module that fails
        /// any step is discarded so that the next boot does not try it again.
        /// </summary>
        /// <returns><see cref="BootOutcome.Ready"/>, <see cref="BootOutcome.NoModule"/>, <see cref="BootOutcome.Rejected"/> or <see cref="BootOutcome.LoadFailed"/>.</returns>
        public BootOutcome Load()
        {
            Module = null;
            ModuleVersion = null;
            entry = null;
            byte[] image;
            try
            {
                image = ReadChecked();
            }
            catch (Exception e)
            {
                return Fail(BootOutcome.Rejected, "cannot read " + file.Name + ": " + e.Message);
            }

            if (image == null)
            {
                return Outcome;
            }

            ModuleVersion = AssemblyHeader.ReadVersion(image);
            Assembly module;
            try
            {
                module = Assembly.Load(image);
            }
            catch (Exception e)
            {
                return Fail(BootOutcome.LoadFailed, "the runtime refused the module in " + file.Name + ": " + e.Message);
            }

            if (ModuleVersion == null)
            {
                ModuleVersion = module.GetName().Version;
            }

            Type type = module.GetType(entryType);
            MethodInfo method = type == null ? null : type.GetMethod(entryMethod);
            if (method == null || !method.IsStatic || method.GetParameters().Length != 0)
            {
                return Fail(BootOutcome.LoadFailed, "the module in " + file.Name + " has no public static " + entryType + "."
                    + entryMethod + "() without parameters");
            }

            Module = module;
            entry = method;
            Outcome = BootOutcome.Ready;
            Detail = "module " + module.FullName + " from " + file.Name + " (" + image.Length.ToString() + " bytes, CRC-32 checked)";
            return Outcome;
        }

        /// <summary>
        /// Runs the stored module's entry method when <see cref="Load"/> found it ready (calling <see cref="Load"/> first
        /// if nobody did), else <paramref name="builtIn"/>. When the stored module's entry method throws, the module is
        /// discarded and <paramref name="builtIn"/> runs. Returns when the entry method that ran returns.
        /// </summary>
        /// <param name="builtIn">The module compiled into the application; <c>null</c> runs nothing in its place.</param>
        /// <returns><c>true</c> when the stored module ran to its end, <c>false</c> when the built-in module ran.</returns>
        public bool Run(ModuleEntry builtIn)
        {
            if (Outcome == BootOutcome.NotChecked)
            {
                Load();
            }

            if (Outcome == BootOutcome.Ready)
            {
                try
                {
                    entry.Invoke(null, null);
                    return true;
                }
                catch (Exception e)
                {
                    // .NET wraps the module's exception in a TargetInvocationException; say what the module threw.
                    Exception cause = e.InnerException != null ? e.InnerException : e;
                    Fail(BootOutcome.StartFailed, entryType + "." + entryMethod + "() threw " + cause.GetType().Name + ": " + cause.Message);
                }
            }

            if (builtIn != null)
            {
                builtIn();
            }

            return false;
        }

        /// <summary>One line for a log: the outcome spelled out and its detail.</summary>
        public override string ToString()
        {
            return "boot: " + NameOf(Outcome) + (Detail == null ? "" : ": " + Detail);
        }

        /// <summary>The name of an outcome, spelled out so it reads the same on nanoFramework.</summary>
        public static string NameOf(BootOutcome outcome)
        {
            switch (outcome)
            {
                case BootOutcome.NotChecked: return "NotChecked";
                case BootOutcome.Ready: return "Ready";
                case BootOutcome.NoModule: return "NoModule";
                case BootOutcome.Rejected: return "Rejected";
                case BootOutcome.LoadFailed: return "LoadFailed";
                case BootOutcome.StartFailed: return "StartFailed";
                default: return "Outcome" + ((int)outcome).ToString();
            }
        }

        // The module's bytes, or null with Outcome set when there is none or it fails the check. The trailer is read
        // first so that only the module itself is held in RAM, in an array of exactly its length as Assembly.Load needs.
        private byte[] ReadChecked()
        {
            long stored = file.Length;
            if (stored < 0)
            {
                Outcome = BootOutcome.NoModule;
                Detail = "no module in " + file.Name + "; the built-in module runs";
                return null;
            }

            if (stored <= ModuleTrailer.Length)
            {
                Fail(BootOutcome.Rejected, file.Name + " holds " + stored.ToString() + " bytes, too few for a module");
                return null;
            }

            byte[] trailer = new byte[ModuleTrailer.Length];
            file.Read(stored - ModuleTrailer.Length, trailer, 0, trailer.Length);
            uint declared;
            uint expectedCrc;
            string problem = ModuleTrailer.Parse(trailer, out declared, out expectedCrc);
            if (problem == null && declared != stored - ModuleTrailer.Length)
            {
                problem = "the trailer announces " + declared.ToString() + " bytes but " + (stored - ModuleTrailer.Length).ToString()
                    + " are stored";
            }

            if (problem != null)
            {
                Fail(BootOutcome.Rejected, file.Name + ": " + problem);
                return null;
            }

            byte[] image = new byte[(int)declared];
            file.Read(0, image, 0, image.Length);
            uint actualCrc = Crc32.Compute(image, 0, image.Length);
            if (actualCrc != expectedCrc)
            {
                Fail(BootOutcome.Rejected, file.Name + ": CRC-32 is " + Hex.Format(actualCrc) + ", the trailer says " + Hex.Format(expectedCrc));
                return null;
            }

            return image;
        }

        private BootOutcome Fail(BootOutcome outcome, string detail)
        {
            Module = null;
            entry = null;
            Outcome = outcome;
            try
            {
                file.Discard();
                Detail = detail + "; module discarded";
            }
            catch (Exception e)
            {
                Detail = detail + "; discarding it failed: " + e.Message;
            }

            return outcome;
        }
    }
}

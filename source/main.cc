// chemomech: command line entry point. Parses the arguments, reads the
// parameter file (a pre-scan for the model, the dimension and the presets,
// then the full parse), and runs the chosen model in its dimension through
// the time-loop driver.
#include <chemomech/core/error_messages.h>
#include <chemomech/core/linear_algebra.h>
#include <chemomech/core/parameter_checks.h>
#include <chemomech/io/input_file.h>
#include <chemomech/io/input_prescan.h>
#include <chemomech/physics/electrode/electrode_problem.h>
#include <chemomech/physics/particle/particle_problem.h>
#include <chemomech/simulator/checkpoint_settings.h>
#include <chemomech/simulator/run_interrupted.h>
#include <chemomech/simulator/transient_driver.h>

#include <deal.II/base/mpi.h>
#include <deal.II/base/parameter_handler.h>

#include <dlfcn.h>
#include <iostream>
#include <string>

namespace
{
  /// One BLAS thread per MPI rank: a threaded OpenBLAS under MPI
  /// oversubscribes the cores and slows MUMPS down several times.
  void
  limit_blas_threads()
  {
    using SetThreads = void (*)(int);
    if (auto f = reinterpret_cast<SetThreads>(
          dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
      f(1);
  }



  void
  print_usage(std::ostream &out)
  {
    out
      << "Usage: chemomech [options] input.prm\n"
         "       mpirun -np N chemomech input.prm\n\n"
         "Simulates lithium diffusion coupled to elasticity in active\n"
         "particles of lithium-ion battery electrodes (Model = particle), and\n"
         "porous electrodes with SEI growth and porosity under cycling\n"
         "(Model = electrode).\n\n"
         "Options:\n"
         "  -h, --help                 this text\n"
         "  --version                  print the version\n"
         "  --resume                   continue the run from the checkpoint in\n"
         "                             Output/Directory/checkpoint/ (see\n"
         "                             subsection Checkpointing)\n"
         "  --print-parameters [fmt] [model]\n"
         "                             print every parameter with its default,\n"
         "                             allowed values and documentation (units,\n"
         "                             ranges); fmt: prm (default, a valid input\n"
         "                             file), description (with each entry's\n"
         "                             allowed values), json, xml; model:\n"
         "                             particle (default) or electrode\n\n"
         "Results go to 'Output/Directory' (default: output/): statistics.csv,\n"
         "solution.pvd (open in ParaView), parameters_used.prm, status.txt;\n"
         "the electrode model adds cycles.csv.\n"
         "See README.md and doc/ for the model and the parameters.\n";
  }

  /**
   * Prints an error and ends the run. An input error is found by every rank
   * alike and printed once; any other error may be met by one rank only while
   * the others wait in a collective call, so it is printed by the rank that
   * met it and the whole run is aborted.
   */
  int
  report_error(const std::string &input_file,
               const std::string &message,
               const bool         input_error)
  {
    const unsigned int rank =
      dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD);
    const unsigned int size =
      dealii::Utilities::MPI::n_mpi_processes(MPI_COMM_WORLD);
    if (input_error)
      {
        if (rank == 0)
          std::cerr << "chemomech: error in " << input_file << ": " << message
                    << std::endl;
      }
    else
      std::cerr << "chemomech: error"
                << (size > 1 ? " on rank " + std::to_string(rank) : "") << ": "
                << message << std::endl;
    if (size > 1 && !input_error)
      MPI_Abort(MPI_COMM_WORLD, 1);
    return 1;
  }



  /// --print-parameters: every parameter of @p model in @p format.
  int
  print_parameters(const std::string &format,
                   const std::string &model,
                   const bool         root)
  {
    using namespace chemomech;
    if (format != "prm" && format != "json" && format != "xml" &&
        format != "description")
      {
        if (root)
          std::cerr
            << "chemomech: unknown format '" << format
            << "' for --print-parameters (use prm, description, json or xml)\n";
        return 2;
      }
    dealii::ParameterHandler prm;
    if (model == "electrode")
      ElectrodeProblem<3>::declare_parameters(prm);
    else
      ParticleProblem<3>::declare_parameters(prm);
    const auto style =
      (format == "json") ? dealii::ParameterHandler::JSON :
      (format == "xml")  ? dealii::ParameterHandler::XML :
      (format == "description") ?
                          dealii::ParameterHandler::OutputStyle(
                            dealii::ParameterHandler::Description |
                            dealii::ParameterHandler::KeepDeclarationOrder) :
                          dealii::ParameterHandler::OutputStyle(
                            dealii::ParameterHandler::PRM |
                            dealii::ParameterHandler::KeepDeclarationOrder);
    if (root)
      prm.print_parameters(std::cout, style);
    return 0;
  }



  /**
   * Reads the parameters into a @p Problem and runs it through the
   * time-loop driver; @p running is set once the input has been accepted.
   */
  template <class Problem>
  void
  run_model(dealii::ParameterHandler &prm,
            const std::string        &input_file,
            const bool                resume,
            bool                     &running)
  {
    Problem problem(MPI_COMM_WORLD);
    problem.parse_parameters(prm);
    chemomech::CheckpointSettings checkpointing;
    checkpointing.parse_parameters(prm);
    checkpointing.resume = checkpointing.resume || resume;
    chemomech::TransientDriver driver(MPI_COMM_WORLD);
    driver.set_checkpointing(checkpointing, input_file);
    running = true;
    driver.run(problem, prm);
  }
} // namespace



int
main(int argc, char *argv[])
{
  using namespace chemomech;
  dealii::Utilities::MPI::MPI_InitFinalize mpi(argc, argv, 1);
  const bool                               root =
    dealii::Utilities::MPI::this_mpi_process(MPI_COMM_WORLD) == 0;
  limit_blas_threads();

  std::string input_file;
  bool        resume = false;
  for (int i = 1; i < argc; ++i)
    {
      const std::string arg = argv[i];
      if (arg == "-h" || arg == "--help")
        {
          if (root)
            print_usage(std::cout);
          return 0;
        }
      else if (arg == "--version")
        {
          if (root)
            std::cout << "chemomech " << CHEMOMECH_VERSION << " ("
                      << LA::backend_name << " linear algebra)\n";
          return 0;
        }
      else if (arg == "--print-parameters")
        {
          std::string format = "prm", model = "particle";
          for (int k = 0; k < 2 && i + 1 < argc && argv[i + 1][0] != '-'; ++k)
            {
              const std::string a = argv[++i];
              if (a == "particle" || a == "electrode")
                model = a;
              else
                format = a;
            }
          return print_parameters(format, model, root);
        }
      else if (arg == "--resume")
        resume = true;
      else if (!arg.empty() && arg[0] == '-')
        {
          if (root)
            {
              std::cerr << "chemomech: unknown option '" << arg << "'\n\n";
              print_usage(std::cerr);
            }
          return 2;
        }
      else if (input_file.empty())
        input_file = arg;
      else
        {
          if (root)
            std::cerr << "chemomech: more than one input file given\n";
          return 2;
        }
    }
  if (input_file.empty())
    {
      if (root)
        print_usage(std::cerr);
      return 2;
    }

  dealii::ParameterHandler prm;
  // Errors before 'running' come from the input, found alike on every rank.
  bool running = false;
  try
    {
      // Includes expanded, paths made absolute, recursion and empty input
      // refused: see InputFile.
      const InputFile input = InputFile::read(input_file);
      if (root && input.deprecated_names().found())
        std::cerr << "chemomech: warning: " << input_file << ": "
                  << input.deprecated_names().message() << std::endl;
      const InputPrescan scan = InputPrescan::from_input(input);
      if (scan.model == ModelKind::electrode)
        {
          ElectrodeProblem<3>::declare_parameters(prm, scan);
          input.parse(prm, false);
          const int dim = prm.get_integer("Dimension");
          if (dim == 1)
            run_model<ElectrodeProblem<1>>(prm, input_file, resume, running);
          else if (dim == 2)
            run_model<ElectrodeProblem<2>>(prm, input_file, resume, running);
          else
            run_model<ElectrodeProblem<3>>(prm, input_file, resume, running);
        }
      else
        {
          ParticleProblem<3>::declare_parameters(prm);
          input.parse(prm, false);
          if (prm.get_integer("Dimension") == 2)
            run_model<ParticleProblem<2>>(prm, input_file, resume, running);
          else
            run_model<ParticleProblem<3>>(prm, input_file, resume, running);
        }
      return 0;
    }
  catch (const RunInterrupted &e)
    {
      // Every rank stops here after the checkpoint; the status is written.
      return RunInterrupted::exit_code;
    }
  catch (const InvalidParameter &e)
    {
      // Found alike on every rank, also when the run refuses to start.
      (void)running;
      return report_error(input_file, e.what(), true);
    }
  catch (const dealii::ExceptionBase &e)
    {
      return report_error(input_file, user_message(e), !running);
    }
  catch (const std::exception &e)
    {
      return report_error(input_file, e.what(), !running);
    }
}

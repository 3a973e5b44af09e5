#include <chemomech/physics/particle/assembly_scratch.h>

namespace chemomech
{
  using namespace dealii;



  template <int dim>
  ParticleAssemblyScratch<dim>::ParticleAssemblyScratch(
    const Mapping<dim>       &mapping,
    const FiniteElement<dim> &fe,
    const bool                face_gradients)
    : quad(fe.degree + 1)
    , fquad(fe.degree + 1)
    , fv(mapping,
         fe,
         quad,
         update_values | update_gradients | update_JxW_values)
    , ffv(mapping,
          fe,
          fquad,
          update_values | update_JxW_values |
            (face_gradients ? update_gradients : update_default))
    , n(fe.n_dofs_per_cell())
    , nq(quad.size())
    , cell_matrix(n, n)
    , cell_rhs(n)
    , dofs(n)
    , eps_q(nq)
    , c_q(nq)
    , c_old_q(nq)
    , c_older_q(nq)
    , p_q(nq)
    , grad_c_q(nq)
    , grad_p_q(nq)
    , c_f(fquad.size())
    , eps_f(fquad.size())
    , field(n)
    , comp(n)
    , phi(n)
    , grad(n)
    , dsh_w(n)
    , dj_dU(n)
    , lumped(n)
    , local_now(n)
    , local_old(n)
    , local_older(n)
  {
    for (unsigned int i = 0; i < n; ++i)
      {
        comp[i]  = fe.system_to_component_index(i).first;
        field[i] = (comp[i] < dim) ? 0 : comp[i] - dim + 1;
      }
  }



  template struct ParticleAssemblyScratch<2>;
  template struct ParticleAssemblyScratch<3>;
} // namespace chemomech

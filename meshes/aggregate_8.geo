// A secondary particle made of eight fused spherical primary particles
// (an "aggregate"), for the multi-particle benchmark cases of benchmarks/run.
//
// Lengths are in micrometres: the parameter file sets
//   subsection Geometry  set Mesh length unit = 1e-6  end
//
// Eight spheres of radii 2.8 to 3.2 um sit near the corners of a cube of
// edge 5.2 um (centres slightly off the corners, so the necks differ);
// neighbours overlap by 0.5 to 1.2 um and are fused with a BooleanUnion into
// one volume.
//
// Tags (deal.II's GridIn::read_msh turns them into ids):
//   Physical Volume  1 -> material id 1
//   Physical Surface 0 -> boundary id 0 = the whole outer surface (active).
//
// All-hexahedral mesh: tetrahedra split into 4 hexahedra each
// (Mesh.SubdivisionAlgorithm = 2), as in two_ellipsoids.geo.
//
// Regenerate (from the repository root; see meshes/README.md):
//   gmsh -3 -format msh22 meshes/aggregate_8.geo -o meshes/aggregate_8.msh

SetFactory("OpenCASCADE");

s = 2.6;      // half the cube edge (um)
h = 2.2;      // target tetrahedron size (um) before the hex subdivision

Sphere(1) = {-s + 0.10, -s - 0.05, -s + 0.00, 3.0};
Sphere(2) = { s - 0.05, -s + 0.10, -s - 0.10, 2.8};
Sphere(3) = {-s - 0.10,  s + 0.00, -s + 0.05, 3.2};
Sphere(4) = { s + 0.05,  s - 0.10, -s + 0.10, 2.9};
Sphere(5) = {-s + 0.00, -s + 0.10,  s - 0.05, 3.1};
Sphere(6) = { s + 0.10, -s - 0.10,  s + 0.00, 3.0};
Sphere(7) = {-s - 0.05,  s + 0.05,  s + 0.10, 2.9};
Sphere(8) = { s + 0.00,  s + 0.00,  s - 0.10, 3.1};

BooleanUnion(9) = { Volume{1}; Delete; }{ Volume{2:8}; Delete; };

Physical Volume(1) = {9};
Physical Surface(0) = Boundary{ Volume{9}; };

Mesh.MeshSizeMin = 0.5 * h;
Mesh.MeshSizeMax = h;
Mesh.Algorithm = 6;
Mesh.Algorithm3D = 1;
Mesh.Optimize = 1;
Mesh.ElementOrder = 1;
Mesh.SubdivisionAlgorithm = 2;
Mesh.SaveAll = 0;

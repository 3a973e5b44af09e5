// Two touching ellipsoidal particles fused into one body (a particle "dimer"),
// e.g. two primary particles sintered together in a secondary particle.
//
// Lengths are in micrometres: the chemomech parameter file sets
//   subsection Geometry  set Mesh length unit = 1e-6  end
//
// Each particle has semi-axes (5, 3, 3) um. Their centres are at (-4.5, 0, 0)
// and (4.5, 0, 0), so along the x axis they overlap by 1 um around the
// origin; each is tilted a little (about z resp. y) so that the neck is not
// symmetric. The two volumes are fused with a BooleanUnion into a single
// volume.
//
// Tags (deal.II's GridIn::read_msh turns them into ids):
//   Physical Volume  1 -> material id 1
//   Physical Surface 0 -> boundary id 0 = the whole outer surface, which is
//                         chemomech's default active (lithium exchanging)
//                         surface ("Surface/Active boundary ids = 0").
//
// deal.II needs hexahedra only: the volume is meshed with tetrahedra, and
// "Mesh.SubdivisionAlgorithm = 2" splits every tetrahedron into 4 hexahedra
// (every boundary triangle into 3 quadrilaterals).
//
// Regenerate (from the repository root; see meshes/README.md):
//   gmsh -3 -format msh22 meshes/two_ellipsoids.geo -o meshes/two_ellipsoids.msh

SetFactory("OpenCASCADE");

a = 5.0;      // semi-axis along the dimer axis (um)
b = 3.0;      // the two other semi-axes (um)
d = 4.5;      // distance of each centre from the origin (um)
tilt = 10 * Pi / 180;   // tilt of each particle (rad)

h = 2.8;      // target tetrahedron size (um) before the hex subdivision

// Particle 1: unit sphere -> ellipsoid -> tilt about z -> move to (-d, 0, 0)
Sphere(1) = {0, 0, 0, 1};
Dilate {{0, 0, 0}, {a, b, b}} { Volume{1}; }
Rotate {{0, 0, 1}, {0, 0, 0}, tilt} { Volume{1}; }
Translate {-d, 0, 0} { Volume{1}; }

// Particle 2: same shape, tilted about y, at (+d, 0, 0)
Sphere(2) = {0, 0, 0, 1};
Dilate {{0, 0, 0}, {a, b, b}} { Volume{2}; }
Rotate {{0, 1, 0}, {0, 0, 0}, -tilt} { Volume{2}; }
Translate {d, 0, 0} { Volume{2}; }

// Fuse them into one volume (the overlapping neck is shared).
BooleanUnion(3) = { Volume{1}; Delete; }{ Volume{2}; Delete; };

Physical Volume(1) = {3};
Physical Surface(0) = Boundary{ Volume{3}; };

// Mesh: coarse tetrahedra, then all-hex subdivision.
Mesh.MeshSizeMin = 0.5 * h;
Mesh.MeshSizeMax = h;
Mesh.Algorithm = 6;               // Frontal-Delaunay for the surfaces
Mesh.Algorithm3D = 1;             // Delaunay for the volume
Mesh.Optimize = 1;
Mesh.ElementOrder = 1;
Mesh.SubdivisionAlgorithm = 2;    // 2 = all hexahedra
Mesh.SaveAll = 0;                 // only elements of physical groups

package io.mimamori.bench.vrp;

import com.graphhopper.jsprit.core.algorithm.VehicleRoutingAlgorithm;
import com.graphhopper.jsprit.core.algorithm.box.Jsprit;
import com.graphhopper.jsprit.core.algorithm.termination.TimeTermination;
import com.graphhopper.jsprit.core.problem.Location;
import com.graphhopper.jsprit.core.problem.VehicleRoutingProblem;
import com.graphhopper.jsprit.core.problem.cost.AbstractForwardVehicleRoutingTransportCosts;
import com.graphhopper.jsprit.core.problem.driver.Driver;
import com.graphhopper.jsprit.core.problem.job.Service;
import com.graphhopper.jsprit.core.problem.solution.VehicleRoutingProblemSolution;
import com.graphhopper.jsprit.core.problem.solution.route.VehicleRoute;
import com.graphhopper.jsprit.core.problem.solution.route.activity.TourActivity;
import com.graphhopper.jsprit.core.problem.vehicle.Vehicle;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleImpl;
import com.graphhopper.jsprit.core.problem.vehicle.VehicleTypeImpl;
import com.graphhopper.jsprit.core.util.Solutions;
import io.mimamori.routing.optimiser.RoutingProblem;
import io.mimamori.routing.optimiser.Task;
import io.mimamori.routing.optimiser.Team;
import io.mimamori.routing.optimiser.TravelTimes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jsprit (GraphHopper's ruin-and-recreate solver) on the same problem, with the same travel times,
 * one thread and a wall-clock limit. Vehicles carry a large fixed cost when the objective minimises
 * teams. Returns task indices per team, for the same checker as ours.
 */
final class JspritPeer {

  private JspritPeer() {}

  static int[][] solve(RoutingProblem problem, double seconds, boolean minimiseTeams, boolean cpuTime) {
    TravelTimes tt = problem.travelTimes();
    VehicleRoutingProblem.Builder b = VehicleRoutingProblem.Builder.newInstance();
    b.setFleetSize(VehicleRoutingProblem.FleetSize.FINITE);
    Map<String, Integer> teamIndex = new HashMap<>();
    List<Team> teams = problem.teams();
    Map<Integer, VehicleTypeImpl> types = new HashMap<>();
    for (int r = 0; r < teams.size(); r++) {
      Team t = teams.get(r);
      // one type per capacity: jsprit is much slower with a type per vehicle
      VehicleTypeImpl type = types.computeIfAbsent(t.capacity(), cap -> VehicleTypeImpl.Builder.newInstance("cap" + cap)
          .addCapacityDimension(0, Math.min(cap, Integer.MAX_VALUE / 4))
          .setFixedCost(minimiseTeams ? 100_000 : 0).setCostPerDistance(1).setCostPerTransportTime(0).build());
      VehicleImpl.Builder vb = VehicleImpl.Builder.newInstance(t.id()).setType(type)
          .setStartLocation(Location.newInstance(t.start())).setEarliestStart(t.shift().earliest())
          .setLatestArrival(Double.isInfinite(t.shift().latest()) ? Double.MAX_VALUE : t.shift().latest());
      if (t.end() == Team.NO_END) {
        vb.setReturnToDepot(false);
      } else {
        vb.setEndLocation(Location.newInstance(t.end()));
      }
      b.addVehicle(vb.build());
      teamIndex.put(t.id(), r);
    }
    List<Task> tasks = problem.tasks();
    Map<String, Integer> taskIndex = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      Service.Builder sb = Service.Builder.newInstance(t.id()).addSizeDimension(0, t.demand())
          .setLocation(Location.newInstance(t.location())).setServiceTime(t.serviceSeconds());
      if (t.window().latest() < Double.POSITIVE_INFINITY || t.window().earliest() > 0) {
        sb.addTimeWindow(t.window().earliest(),
            Double.isInfinite(t.window().latest()) ? Double.MAX_VALUE : t.window().latest());
      }
      b.addJob(sb.build());
      taskIndex.put(t.id(), i);
    }
    b.setRoutingCost(new AbstractForwardVehicleRoutingTransportCosts() {
      @Override
      public double getDistance(Location from, Location to, double departureTime, Vehicle vehicle) {
        return tt.seconds(from.getIndex(), to.getIndex());
      }

      @Override
      public double getTransportTime(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return tt.seconds(from.getIndex(), to.getIndex());
      }

      @Override
      public double getTransportCost(Location from, Location to, double departureTime, Driver driver, Vehicle vehicle) {
        return tt.seconds(from.getIndex(), to.getIndex());
      }
    });
    VehicleRoutingProblem vrp = b.build();
    VehicleRoutingAlgorithm algorithm = Jsprit.Builder.newInstance(vrp)
        .setProperty(Jsprit.Parameter.THREADS, "1").buildAlgorithm();
    algorithm.setMaxIterations(Integer.MAX_VALUE);
    if (cpuTime) {
      // this thread's CPU time from before construction, as ours counts it
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long start = cpu.getCurrentThreadCpuTime();
      long limit = (long) (seconds * 1e9);
      algorithm.addTerminationCriterion(discovered -> cpu.getCurrentThreadCpuTime() - start >= limit);
    } else {
      TimeTermination time = new TimeTermination((long) (seconds * 1000));
      algorithm.addTerminationCriterion(time);
      algorithm.addListener(time);
    }
    VehicleRoutingProblemSolution best = Solutions.bestOf(algorithm.searchSolutions());
    int[][] order = new int[teams.size()][0];
    for (VehicleRoute route : best.getRoutes()) {
      int r = teamIndex.get(route.getVehicle().getId());
      List<TourActivity> acts = route.getActivities();
      int[] seq = new int[acts.size()];
      for (int k = 0; k < acts.size(); k++) {
        seq[k] = taskIndex.get(((TourActivity.JobActivity) acts.get(k)).getJob().getId());
      }
      order[r] = seq;
    }
    return order;
  }
}
